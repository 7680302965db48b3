import Foundation
import Sandbox
import Vendors

/// The requests the sandbox received during one stage, per vendor and per endpoint.
struct CallTally: Sendable {
    var byVendor: [SourceKind: Int] = [:]
    var byEndpoint: [SourceKind: [String: Int]] = [:]

    init() {}

    /// Counts `requests` by the vendor whose path prefix each one falls under.
    init(_ requests: ArraySlice<SandboxRequest>, on server: SandboxServer) {
        let prefixes = SourceKind.configurable.compactMap { kind in kind.baseURL(on: server).map { (kind, $0.path) } }
        for request in requests {
            guard let vendor = prefixes.first(where: { request.path.hasPrefix($0.1) })?.0 else { continue }
            byVendor[vendor, default: 0] += 1
            byEndpoint[vendor, default: [:]][Self.endpointName(request.endpoint), default: 0] += 1
        }
    }

    var total: Int { byVendor.values.reduce(0, +) }

    /// The endpoint with the ids in its path as `{id}` (`/api/beta/ln/request/{id}`), so calls add up
    /// per endpoint: a segment of 16 characters or more with a digit in it is an id.
    static func endpointName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.count >= 16 && segment.contains(where: \.isNumber) ? "{id}" : String(segment)
        }.joined(separator: "/")
    }

    static func + (lhs: CallTally, rhs: CallTally) -> CallTally {
        var sum = lhs
        for (vendor, count) in rhs.byVendor { sum.byVendor[vendor, default: 0] += count }
        for (vendor, endpoints) in rhs.byEndpoint {
            for (endpoint, count) in endpoints { sum.byEndpoint[vendor, default: [:]][endpoint, default: 0] += count }
        }
        return sum
    }

    /// `vendor`'s calls as `endpoint count, ...`, the most frequent first.
    func endpoints(of vendor: SourceKind) -> String {
        (byEndpoint[vendor] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "`\($0.key)` \($0.value)" }.joined(separator: ", ")
    }
}
