/// Konnector's endpoints, as `konnector.md` names them.
public enum KonnectorAPI {
    public static let userCampaignFilters = Endpoint(.get, "/user-campaign-filters")
    public static let campaignInfo = Endpoint(.post, "/campaign-info")
    public static let dashboardInfo = Endpoint(.post, "/dashboard-info")
    public static let optimizedRoutineData = Endpoint(.get, "/optimized_routine_data")

    /// The document's header is `Authorization: <key>` (bare, no scheme).
    public static func authHeaders(apiKey: String) -> [String: String] { ["Authorization": apiKey] }

    /// `campaign-info` pages by `limit`/`offset` with a `pagination` block beside the items.
    static let campaignPaginator = OffsetPaginator(itemsPath: ["data", "campaign_info"],
                                                   paginationPath: ["data", "pagination"],
                                                   totalPath: ["data", "total_campaign_routines_count"])
}
