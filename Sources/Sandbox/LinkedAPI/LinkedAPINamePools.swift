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
    /// What people answer, by design 2 automatic replies, 6 positive, 5 negative, 2 referrals and
    /// 5 neutral of the 20 (about 10/30/25/10/25%), 8 not in English.
    static let replies = [
        // The original five (positive 3, negative 2).
        "Hi! Thanks for reaching out, happy to chat.",
        "Not right now, but maybe next quarter.",
        "Sure - send me some times.\nI'm free most afternoons.",
        "Thanks, we're already covered on that front.",
        "Interesting, tell me more (what does it cost?)",
        // Automatic replies.
        "Thanks for your message! I'm on vacation until 9 November and won't be checking LinkedIn regularly. I'll get back to you when I return.\n- {first}",
        "Respuesta automática: estoy fuera de la oficina hasta el 7 de enero. Para temas urgentes, escriba a Lucía Martín (lucia.martin@example.com). Gracias.",
        // Positive.
        "Yes, let's do it. Tuesday at 2pm CET works - send the invite to my work email.",
        "Gerne, das klingt interessant. Was kostet das für ein Team von fünf Leuten?",
        "Sim, tenho interesse! Pode me mandar mais detalhes e valores?",
        // Negative.
        "Please stop messaging me.",
        "Merci, mais ce n'est pas pour nous. Bonne continuation !",
        "No grazie, non siamo interessati. Per favore, mi rimuova dai suoi contatti.",
        // Referrals.
        "You'll want to speak with Anna Weber, our Head of Revenue Ops: anna.weber@example.com. I'll let her know you'll be in touch.",
        "Hallo, ik ben hier niet verantwoordelijk voor. Neem contact op met mijn collega Pieter Jansen: pieter.jansen@example.com.",
        // Neutral.
        "Thanks for the connect! 👋",
        "Hi, what is this regarding?",
        "Danke fürs Vernetzen! Woher kennen wir uns?",
        "Gracias por conectar. ¡Saludos desde Madrid!",
        "Likewise, good to be connected. How did you come across my profile?",
    ]

    /// `template` with `{first}` replaced by the first word of `name`.
    static func fill(_ template: String, name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        return template.replacingOccurrences(of: "{first}", with: first)
    }
}
