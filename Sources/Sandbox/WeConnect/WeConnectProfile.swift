/// The prospect at the other end of a thread: every profile key `/api/beta/ln/thread` documents.
public struct WeConnectProfile: Sendable, Hashable, Codable {
    public let name: String
    public let firstName: String
    public let middleName: String
    public let lastName: String
    public let summary: String
    /// The headline (`job`).
    public let job: String
    public let company: String
    public let location: String
    /// The LinkedIn public-profile slug as the vendor returns it: usually lower case with hyphens,
    /// some with upper case, non-ASCII letters percent-encoded (`jos%C3%A9-garc%C3%ADa`).
    public let linkedin: String
    public let website: String
    public let twitter: String
    public let address: String
    public let phone: String
    public let presentCompany: String
    public let title: String
    /// The number in the `img` URL (`.../api/profile/picture/<n>`); nil gives an empty `img`.
    public let pictureID: Int?

    public init(
        name: String, firstName: String, middleName: String = "", lastName: String, summary: String = "",
        job: String, company: String, location: String, linkedin: String, website: String = "",
        twitter: String = "", address: String = "", phone: String = "", presentCompany: String, title: String,
        pictureID: Int?
    ) {
        self.name = name
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.summary = summary
        self.job = job
        self.company = company
        self.location = location
        self.linkedin = linkedin
        self.website = website
        self.twitter = twitter
        self.address = address
        self.phone = phone
        self.presentCompany = presentCompany
        self.title = title
        self.pictureID = pictureID
    }
}
