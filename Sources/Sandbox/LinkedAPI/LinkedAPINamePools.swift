import Foundation

/// The fixed names and texts the Linked API generator draws from. A few names carry accents so some
/// slugs are percent-encoded in their URLs; texts carry commas, quotes, emoji and a newline.
enum LinkedAPINamePools {
    /// The account's owner.
    static let accountName = "Morgan Ellis"

    static let firstNames = [
        "Amelia", "Bruno", "Chloé", "Dev", "Elif", "Farid", "Grace", "Hiro", "Ingrid", "Jonas", "Kavya", "Liam",
        "Maëlle", "Nikolai", "Olu", "Priya", "Quinn", "Rafael", "Søren", "Tamsin", "Uma", "Viktor", "Wen", "Yusuf",
    ]
    static let lastNames = [
        "Adeyemi", "Björk", "Castillo", "Dubois", "Eriksen", "Fitzgerald", "Gómez", "Haddad", "Iyer", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Novak", "O'Neill", "Petrov", "Rossi", "Sato", "Thompson", "Weiß",
    ]

    static let openers = [
        "Thanks for connecting, {first}! Curious how your team handles outbound today.",
        "Hi {first}, great to be connected. Would a short call next week make sense?",
        "Hello {first} - thanks for accepting. I put together a few ideas for your team, happy to share.",
        "{first}, appreciate the connect! Quick question: who owns \"pipeline\" on your side?",
    ]
    static let followUps = [
        "Just bumping this up, {first} - no pressure at all.",
        "Here is the deck I mentioned: https://example.com/deck?ref=linkedin",
        "Does Thursday 10:00 work? Otherwise, send me a slot that suits you.",
        "Great, talk soon 🙌",
    ]
    static let replies = [
        "Hi! Thanks for reaching out, happy to chat.",
        "Not right now, but maybe next quarter.",
        "Sure - send me some times.\nI'm free most afternoons.",
        "Thanks, we're already covered on that front.",
        "Interesting, tell me more (what does it cost?)",
    ]

    /// `template` with `{first}` replaced by the first word of `name`.
    static func fill(_ template: String, name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        return template.replacingOccurrences(of: "{first}", with: first)
    }
}
