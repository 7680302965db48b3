/// What the load knows of a person; nil means "not said here".
struct ProspectAttributes: Equatable {
    var name: String?
    var job: String?
    var company: String?
    var location: String?

    /// These attributes with every field this observation left out taken from `known`.
    func filled(from known: ProspectAttributes) -> ProspectAttributes {
        ProspectAttributes(name: name ?? known.name, job: job ?? known.job, company: company ?? known.company,
                           location: location ?? known.location)
    }
}
