import Vendors
import Warehouse

/// How Konnector's answers are read: their envelope and their paging.
extension KonnectorAPI {
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

    /// `campaign-info` pages by `limit`/`offset` with a `pagination` block beside the items.
    static let campaignPaginator = OffsetPaginator(itemsPath: ["data", "campaign_info"],
                                                   paginationPath: ["data", "pagination"],
                                                   totalPath: ["data", "total_campaign_routines_count"])
}
