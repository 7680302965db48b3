/// The WeConnect endpoints as functions from the authenticated user and the request input to the
/// documented bodies. One file per group (`WeConnectRoutes+*.swift`); shared JSON pieces live here.
struct WeConnectRoutes: Sendable {
    let state: WeConnectState
    let jwt: WeConnectJWT
    let signer: WeConnectPusherSigner
    let clock: SandboxClock

    /// The document's `img` values point at the vendor's own host
    /// (`https://api-us-1.we-connect.io/api/profile/picture/112810`). The sandbox points them at
    /// itself, `http://<Host header>/weconnect/api/profile/picture/<n>`, and does not serve them
    /// (404); a profile without a picture has an empty `img` (assumption).
    static func imageURL(_ profile: WeConnectProfile, host: String) -> String {
        guard let picture = profile.pictureID else { return "" }
        return "http://\(host)\(WeConnectVendor.pathPrefix)/api/profile/picture/\(picture)"
    }

    /// Every profile key `/ln/thread` documents, in that shape. `profile_type` and `thread_type` are
    /// always `linkedin` (the only value the document shows).
    static func profileJSON(_ thread: WeConnectThread, host: String) -> JSONValue {
        let profile = thread.profile
        return [
            "img": .string(imageURL(profile, host: host)),
            "name": .string(profile.name),
            "first_name": .string(profile.firstName),
            "middle_name": .string(profile.middleName),
            "last_name": .string(profile.lastName),
            "summary": .string(profile.summary),
            "job": .string(profile.job),
            "company": .string(profile.company),
            "location": .string(profile.location),
            "linkedin": .string(profile.linkedin),
            "profile_type": "linkedin",
            "website": .string(profile.website),
            "twitter": .string(profile.twitter),
            "address": .string(profile.address),
            "phone": .string(profile.phone),
            "present_company": .string(profile.presentCompany),
            "title": .string(profile.title),
            "thread": .string(thread.id),
            "read": .bool(thread.read),
            "thread_type": "linkedin",
        ]
    }
}
