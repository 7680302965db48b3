import Foundation
import Warehouse

/// A successful page after it was landed: the stored row and its parsed JSON.
public struct LandedPage: Sendable {
    public let page: RawPage
    public let json: JSONValue

    init(page: RawPage, source: String, bodyPrefix: String) throws {
        self.page = page
        do {
            json = try JSONValue.parse(page.body)
        } catch {
            throw ExtractError(source: source, endpoint: page.endpoint, status: page.httpStatus,
                               cause: .malformedBody(error.reason), bodyPrefix: bodyPrefix)
        }
    }
}
