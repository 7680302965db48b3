/// Konnector's endpoints, as `konnector.md` names them.
public enum KonnectorAPI {
    public static let userCampaignFilters = Endpoint(.get, "/user-campaign-filters")
    public static let campaignInfo = Endpoint(.post, "/campaign-info")
    public static let dashboardInfo = Endpoint(.post, "/dashboard-info")
    public static let optimizedRoutineData = Endpoint(.get, "/optimized_routine_data")

    /// The most campaigns one `campaign-info` page holds. `konnector.md` gives only the default
    /// (`limit`, 50); 100 is the vendor's maximum as issue 11 states it, and what the sandbox allows.
    public static let campaignInfoPageLimit = 100

    /// Konnector wraps every answer in `{code, status, message, data}`; an answer that arrives
    /// with HTTP 200 but says `status: false` or an error `code` is an error all the same.
    static func checkEnvelope(_ page: LandedPage, source: String) throws {
        let json = page.json
        let code = json["code"]?.int
        guard json["status"]?.bool == false || (code ?? 200) >= 400 else { return }
        let reason = json.at("data", "error")?.string ?? json["message"]?.string ?? "no reason given"
        let errorCode = json.at("data", "error_code")?.string.map { " (\($0))" } ?? ""
        throw ExtractError(source: source, endpoint: page.page.endpoint, status: code.map { Int($0) },
                           cause: .malformedBody("the answer says it failed: \(reason)\(errorCode)"))
    }

    /// The document's header is `Authorization: <key>` (bare, no scheme).
    /// One version of the document names the header `X-API-KEY`; both carry the key.
    public static func authHeaders(apiKey: String) -> [String: String] { ["Authorization": apiKey, "X-API-KEY": apiKey] }

    /// `campaign-info` pages by `limit`/`offset` with a `pagination` block beside the items.
    static let campaignPaginator = OffsetPaginator(itemsPath: ["data", "campaign_info"],
                                                   paginationPath: ["data", "pagination"],
                                                   totalPath: ["data", "total_campaign_routines_count"])
}
