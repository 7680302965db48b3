/// Reads one vendor's data through a `FetchSession`, which lands every page it fetches.
public protocol SourceExtractor: Sendable {
    func extract(_ session: FetchSession) async throws
}

/// The extractor of each source kind.
public enum Extractors {
    /// The extractor for `kind`, or nil when the kind is not supported.
    public static func extractor(for kind: String) -> (any SourceExtractor)? {
        switch kind {
        case "konnector": KonnectorExtractor()
        case "weconnect": WeConnectExtractor()
        case "welink": WeLinkExtractor()
        case "linkedapi": LinkedAPIExtractor()
        default: nil
        }
    }

    /// The kinds this build can extract.
    public static let supportedKinds = ["konnector", "weconnect", "welink", "linkedapi"]
}
