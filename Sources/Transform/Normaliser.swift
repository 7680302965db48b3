import Vendors
import Warehouse

/// Turns one vendor's raw pages into dimension members and facts.
protocol Normaliser {
    /// Loads one successful raw page. A body that is not JSON throws `JSONValue.ParseError` before anything is written
    /// (its source's key included: `star.sourceKey(of:)` is asked once the page is read).
    func load(_ page: RawPage, into star: StarWriter) throws
}

/// A normaliser that reads each page as one JSON tree.
protocol TreeNormaliser: Normaliser {
    /// Loads one successful raw page whose body parsed as JSON.
    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws
}

extension TreeNormaliser {
    func load(_ page: RawPage, into star: StarWriter) throws {
        let json = try JSONValue.parse(page.body)
        try load(page, json: json, sourceKey: try star.sourceKey(of: page), into: star)
    }
}

/// The normaliser of each source kind.
enum Normalisers {
    /// The normaliser of the pages of `kind`, as raw pages spell it; nil for a kind this build does not know.
    static func normaliser(for kind: String) -> (any Normaliser)? {
        switch SourceKind(rawValue: kind) {
        case .konnector: KonnectorNormaliser()
        case .weconnect: WeConnectNormaliser()
        case .welink: WeLinkNormaliser()
        case .linkedapi: LinkedAPINormaliser()
        case .linkedInMobile: LinkedInMobileNormaliser()
        case nil: nil
        }
    }
}
