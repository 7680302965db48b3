import Foundation
import Sandbox

/// The vendors the bench reads, by source kind; each owns a path prefix on the sandbox server.
enum Vendor: String, CaseIterable, Sendable {
    case konnector, weconnect, welink, linkedapi

    /// The vendor's base URL on the running sandbox.
    func baseURL(on server: SandboxServer) -> URL {
        switch self {
        case .konnector: server.konnectorBaseURL
        case .weconnect: server.weConnectBaseURL
        case .welink: server.weLinkBaseURL
        case .linkedapi: server.linkedAPIBaseURL
        }
    }
}
