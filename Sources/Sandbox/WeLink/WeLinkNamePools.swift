/// The fixed names and texts the We-Link generator draws from; like the other vendors' pools they
/// include quotes, commas, newlines, non-Latin scripts and spreadsheet-formula starters.
enum WeLinkNamePools {
    /// The two accounts of a scale block: (name, email). Blocks after the first add `.<n>` to the
    /// email's local part and ` <n>` to the name.
    static let accounts: [(name: String, email: String)] = [
        ("Alex Morgan", "alex.morgan@example.com"),
        ("Renée \"Rae\" Dubois-Núñez", "renee.dubois@example.com"),
    ]

    /// Prospects after the first six of an account (those come from the shared people).
    static let firstNames = [
        "Amara", "Björn", "Chiara", "Dev", "Émilie", "Farrukh", "Grace", "Hiroshi", "Inès", "Józef", "Kwame",
        "Łucja", "Mateo", "Nadia", "Olu", "Priya", "Ærin",
    ]
    static let lastNames = [
        "Okafor", "Lindqvist", "Rossi", "Patel", "Lefèvre", "Karimov", "Hopper", "Tanaka", "Benali",
        "Wójcik", "Mensah", "O'Neil, Sr.", "Søndergaard",
    ]

    /// Connection notes; `{first}` is the prospect's first name.
    static let connectNotes = [
        "Hi {first}, I'd love to connect.", "Let's connect, {first}!", "=HYPERLINK(\"http://x\",\"connect\")",
    ]
    /// First messages after an invitation was accepted.
    static let openers = [
        "Thanks for connecting, {first}!",
        "Hi {first},\nquick question about your team, do you have 10 minutes?",
        "Hello {first} 👋 saw your post on \"pipelines\", loved it.",
        "+1 on your talk, {first}. Coffee?",
        "Привет, {first}! Есть минутка?",
    ]
    /// Messages to prospects who did not answer the first one.
    static let followUps = [
        "Just bumping this up, {first}.", "-- following up, in case it got lost", "Any thoughts, {first}?",
    ]
    /// What prospects answer.
    static let replies = [
        "Sure, happy to chat.", "Not interested, thanks.", "Tuesday 10:00 works, \"if\" that suits you.",
        "=1+1", "你好，谢谢！", "Who gave you my name?", "Sounds good.\nSend me an invite.", "@you maybe later",
    ]

    /// `template` with `{first}` replaced by the first word of `name`.
    static func fill(_ template: String, name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        return template.replacingOccurrences(of: "{first}", with: first)
    }
}
