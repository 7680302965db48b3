import Vendors
import Warehouse

/// Turns one vendor's raw pages into dimension members and facts.
protocol Normaliser {
    /// Loads one successful raw page whose body parsed as JSON.
    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws
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
