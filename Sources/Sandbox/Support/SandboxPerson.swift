/// A LinkedIn member the sandbox's vendors can contact: the same people appear in several vendors'
/// data (as a team running two tools reaches some prospects through both), each vendor writing the
/// profile in its own way.
public struct SandboxPerson: Sendable, Equatable {
    /// The public-profile slug (`jane-doe-4a1b2c3d`), as LinkedIn would normalise it.
    public let slug: String
    public let name: String

    public init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }
}
