import Foundation
import Warehouse

/// A successful page after it was landed: the stored row and its parsed JSON.
public struct LandedPage: Sendable {
    public let page: RawPage
    public let json: JSONValue

    /// - Parameter body: the body as received; the stored page's body has its secrets redacted.
    init(page: RawPage, body: Data, source: String, bodyPrefix: String) throws {
        self.page = page
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw ExtractError(source: source, endpoint: page.endpoint, status: page.httpStatus,
                               cause: .malformedBody(error.reason), bodyPrefix: bodyPrefix)
        }
    }
}
