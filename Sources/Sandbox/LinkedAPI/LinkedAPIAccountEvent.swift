/// A `network.connectionAccepted` account event:
/// `{"event": "network.connectionAccepted", "data": {"accountId", "personUrl", "detectedAt"}}`.
struct LinkedAPIAccountEvent: Sendable {
    static let connectionAccepted = "network.connectionAccepted"

    let accountID: String
    /// The invitation's person URL as the dataset writes it.
    let personURL: String
    /// Seconds since 1970; written ISO 8601 with `Z`.
    let detectedAt: Int64

    var json: JSONValue {
        [
            "event": .string(Self.connectionAccepted),
            "data": [
                "accountId": .string(accountID), "personUrl": .string(personURL),
                "detectedAt": .string(ISOTimestamp.format(epochSeconds: detectedAt)),
            ],
        ]
    }
}
