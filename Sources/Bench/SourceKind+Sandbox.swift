import Foundation
import Sandbox
import Vendors

extension SourceKind {
    /// The vendor's base URL on the running sandbox; each vendor owns a path prefix there. Nil for a kind that is
    /// imported from files, not fetched.
    func baseURL(on server: SandboxServer) -> URL? {
        switch self {
        case .konnector: server.konnectorBaseURL
        case .weconnect: server.weConnectBaseURL
        case .welink: server.weLinkBaseURL
        case .linkedapi: server.linkedAPIBaseURL
        case .linkedInMobile: nil
        }
    }
}
