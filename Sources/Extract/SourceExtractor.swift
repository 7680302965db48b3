import Vendors
/// Reads one vendor's data through a `FetchSession`, which lands every page it fetches.
public protocol SourceExtractor: Sendable {
    func extract(_ session: FetchSession) async throws
}

/// The extractor of each source kind.
public enum Extractors {
    /// The extractor for `kind`; nil for a kind that is imported, not fetched.
    public static func extractor(for kind: SourceKind) -> (any SourceExtractor)? {
        switch kind {
        case .konnector: KonnectorExtractor()
        case .weconnect: WeConnectExtractor()
        case .welink: WeLinkExtractor()
        case .linkedapi: LinkedAPIExtractor()
        case .linkedInMobile: nil
        }
    }
}
