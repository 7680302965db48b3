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
        "Bonjour, j'ai vu votre post sur la prospection. Vous travaillez aussi avec des PME ?",
        "Hallo, wir suchen gerade ein Tool für unser Vertriebsteam. Können Sie mir mehr dazu sagen?",
        "Hi! We met at the SaaS meetup last week - great talk on outbound, by the way.",
    ]
    /// What prospects answer, by design about 10% automatic replies, 30% positive, 25% negative,
    /// 10% referrals and 25% neutral (4, 12, 10, 4 and 10 of the 40), a third or so not in English.
    static let inboundReplies = [
        // The original eleven (positive 4, negative 2, neutral 5), hostile ones included.
        "Hello !", "Thanks, happy to chat.", "Not interested, sorry.", "Sure, how about Tuesday, 10:00?",
        "+1, let's talk", "-- Sent from my phone", "你好，谢谢！", "Who gave you my name, \"exactly\"?", "Accio!",
        "Sounds good.\nSend me an invite.", "@you: <i>maybe</i> later",
        // Automatic replies.
        "Thank you for your message. I am currently out of the office with limited access to email and will be back on 12 October. For urgent matters, please contact Sarah Klein (sarah.klein@example.com).\n\nKind regards,\n{first}",
        "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 06.11. nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an meinen Kollegen Thomas Becker (thomas.becker@example.com).\n\nMit freundlichen Grüßen",
        "Bonjour,\nJe suis actuellement en congé parental jusqu'au 15 janvier. Votre message ne sera pas transféré. Pour toute demande urgente, merci d'écrire à contact@example.com.\nCordialement",
        "Automatic reply: {first} is no longer with the company. This mailbox is not monitored; please send your enquiry to info@example.com.",
        // Positive.
        "Yes, this could be relevant for us. Can you send me pricing for a team of 10?",
        "Happy to jump on a call. Grab any slot here: https://cal.example.com/meet/30min?ref=li&src=inbox",
        "Interesting timing, we're evaluating tools for exactly this right now. What would a pilot look like?",
        "Sounds interesting! Could you share a case study or a short deck first?",
        "Klingt spannend. Schicken Sie mir gern ein paar Infos und Preise, dann schauen wir uns das im Team an.",
        "Oui, pourquoi pas ! Vous auriez un créneau mardi ou mercredi prochain pour en discuter ?",
        "Me interesa. ¿Podemos agendar una llamada la semana que viene? ¿Y qué precio tiene?",
        "Sì, mi interessa. Mi può mandare una proposta con i prezzi?",
        // Negative.
        "unsubscribe",
        "STOP",
        "No thanks, we're happy with our current provider.",
        "I think you have the wrong person - I'm not involved in anything sales related.",
        "Nee, dank je. Geen interesse.",
        "Obrigado, mas não temos interesse no momento.",
        "Kein Interesse. Bitte entfernen Sie mich aus Ihrem Verteiler.",
        "Gracias, pero ahora mismo no es una prioridad para nosotros. Quizá el año que viene.",
        // Referrals.
        "I'm not the right contact for this - please reach out to my colleague Anna Weber, anna.weber@example.com, she leads our sales ops team.",
        "Ce n'est pas moi qui gère ce sujet. Je vous invite à contacter Julien Moreau (julien.moreau@example.com), notre responsable commercial.",
        "Hoi, dit ligt bij mijn collega Sanne de Vries. Je kunt haar mailen op sanne.devries@example.com.",
        "Loop in Mark Chen (mark.chen@example.com), he owns \"partnerships\" here. Feel free to mention my name.",
        // Neutral.
        "Thanks for connecting!",
        "What is this about exactly?",
        "Olá! Obrigado pela conexão. Do que se trata?",
        "Grazie per il collegamento, buona giornata!",
        "Small world - weren't you at Web Summit in Lisbon last year? 🙂",
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
