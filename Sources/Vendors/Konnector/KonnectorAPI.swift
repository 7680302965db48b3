/// Konnector's endpoints, as `konnector.md` names them.
public enum KonnectorAPI {
    public static let userCampaignFilters = Endpoint(.get, "/user-campaign-filters")
    public static let campaignInfo = Endpoint(.post, "/campaign-info")
    public static let dashboardInfo = Endpoint(.post, "/dashboard-info")
    public static let optimizedRoutineData = Endpoint(.get, "/optimized_routine_data")

    /// The most campaigns one `campaign-info` page holds. `konnector.md` gives only the default
    /// (`limit`, 50); 100 is the vendor's maximum as issue 11 states it, and what the sandbox allows.
    public static let campaignInfoPageLimit = 100

    /// The document's header is `Authorization: <key>` (bare, no scheme).
    /// One version of the document names the header `X-API-KEY`; both carry the key.
    public static func authHeaders(apiKey: String) -> [String: String] { ["Authorization": apiKey, "X-API-KEY": apiKey] }
}
