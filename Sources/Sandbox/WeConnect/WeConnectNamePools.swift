import Foundation

/// The fixed names and texts the WeConnect generator draws from. Deliberately hostile: quotes,
/// commas, embedded newlines, non-Latin scripts, HTML, and spreadsheet-formula starters
/// (`=`, `+`, `-`, `@`), so every downstream writer is exercised.
enum WeConnectNamePools {
    /// One block of users: login details, LinkedIn accounts, and how their data is laid out.
    struct UserTemplate {
        let email: String
        let password: String
        let fullname: String
        let accountEmails: [String]
        let threadCount: Int
        /// Thread `n` talks to prospect `prospectOffset + n * prospectStride`.
        let prospectOffset: Int
        let prospectStride: Int
        /// Extra (thread-less) actions, on prospects from `extraOffset` on.
        let extraActions: Int
        let extraOffset: Int
        /// Actions submitted just before the server started: (type, prospect, outcome, replied).
        let recent: [(type: WeConnectActionType, prospect: Int, status: WeConnectRequestStatus, replied: Bool)]
    }

    /// User ids of block `b` are `firstUserID + 2b` and `firstUserID + 2b + 1` (75 is the document's).
    static let firstUserID = 75
    /// Account ids of block `b` start at `firstAccountID + 3b` (708 is the document's).
    static let firstAccountID = 708
    static let accountsPerBlock = 3

    static let users: [UserTemplate] = [
        UserTemplate(
            email: "john.doe@example.com", password: "newpass", fullname: "John Doe",
            accountEmails: ["john.linkedin@example.com", "john.sales@example.com"],
            threadCount: 26, prospectOffset: 0, prospectStride: 1, extraActions: 10, extraOffset: 100,
            recent: [
                (.message, 150, .completedSuccess, true),
                (.connect, 151, .completedSuccess, false),
                (.visit, 152, .completedFailed, false),
            ]
        ),
        UserTemplate(
            email: "zoe.obrien@example.com", password: "p@ss, \"word\"", fullname: "Zoë \"ZZ\" O'Brien-Ångström",
            accountEmails: ["zoe.linkedin@example.com"],
            threadCount: 14, prospectOffset: 3, prospectStride: 5, extraActions: 6, extraOffset: 120,
            recent: [(.follow, 170, .completedSuccess, false)]
        ),
    ]

    /// 16 first names and 12 last names: prospect `k` pairs first `k % 16` with last
    /// `(k / 16 + k) % 12`, distinct for every `k` below 192 (17 and 12 are coprime).
    static let firstNames = [
        "Hermione", "George", "Zoë", "José", "Дмитрий", "Pat \"The Closer\"", "=HYPERLINK(\"http://x\",\"y\")",
        "+Alice", "-Bob", "@Carol", "Siobhán", "<script>alert(1)</script>", "Ngọc Anh", "محمد", "Anne-Marie",
        "李",
    ]
    static let lastNames = [
        "Granger", "Orwell", "Ångström", "García", "Иванов", "O'Brien, Jr.", "雷", "Smith", "Two\nLines",
        "Müller", "Nguyễn", "Doe",
    ]
    static let prospectCount = 192

    static let jobs = [
        "Minister of Magic", "Software Engineer", "CTO, Co-Founder", "Head of \"Growth\"",
        "VP Sales & Marketing", "Data Engineer", "=Chief Formula Officer", "Директор по продажам",
        "<b>Recruiter</b>", "Founder @ Stealth", "", "Consultant\nFreelance",
    ]
    static let titles = ["IT Manager", "Head of Sales", "Engineer", "Founder", "Director", "", "Partner"]
    static let companies = [
        "WeConnect", "Acme, Inc.", "Ministry of Magic", "Initech", "Umbrella \"Corp\"", "ООО Ромашка",
        "株式会社テスト", "Globex", "", "Stark Industries",
    ]
    static let locations = [
        "Illinois, United States", "London, England, United Kingdom", "Berlin, Germany", "Москва, Россия",
        "São Paulo, Brazil", "", "Paris, Île-de-France, France", "Tokyo, Japan",
    ]
    static let summaries = [
        "A highly resourceful person.", "", "Builder of things.\nLoves \"data\", commas, and ; semicolons.",
        "<script>alert('summary')</script>", "=1+1", "Привет, мир",
    ]

    /// `{first}` and `{company}` are replaced by the prospect's.
    static let outboundOpeners = [
        "Hi {first}, I would like to connect with you",
        "Hi {first}, thanks for connecting! Quick question about {company}.",
        "Hello {first} 👋 saw your post, loved it.",
        "=SUM(A1:A9) is how I feel about spreadsheets, {first}.",
        "Hi {first},\nhope you're well.\nWould you have 15 minutes next week?",
        "<script>alert(1)</script> (just kidding, {first})",
        "Привет, {first}! Есть минутка?",
        "@{first} quick one: are you the right person for \"partnerships\"?",
    ]
    static let outboundFollowUps = [
        "Just following up on my last message.",
        "Great, I'll send an invite.",
        "Thanks for the reply, {first}!",
        "Here is the link: https://example.com/?a=1&b=2",
        "+1 to that, {first}",
        "-- see you then",
    ]
    static let inboundOpeners = [
        "Hi, I saw your profile. Are you hiring?",
        "Hello, do you offer a free trial?",
        "=HYPERLINK(\"http://evil\",\"click\")",
        "Can we connect, \"friend\"?",
        "Hola, ¿cómo estás?",
    ]
    static let inboundReplies = [
        "Hello !", "Thanks, happy to chat.", "Not interested, sorry.", "Sure, how about Tuesday, 10:00?",
        "+1, let's talk", "-- Sent from my phone", "你好，谢谢！", "Who gave you my name, \"exactly\"?", "Accio!",
        "Sounds good.\nSend me an invite.", "@you: <i>maybe</i> later",
    ]
    static let connectNotes = [
        "Hi {first}, I would like to connect with you", "Let's connect, {first}!", "=cmd|' /C calc'!A0",
    ]

    /// `template` with `{first}` and `{company}` filled in.
    static func fill(_ template: String, _ profile: WeConnectProfile) -> String {
        template.replacingOccurrences(of: "{first}", with: profile.firstName)
            .replacingOccurrences(of: "{company}", with: profile.company.isEmpty ? "your company" : profile.company)
    }
}
