/// The fixed names, types and statuses the generator cycles through. Deliberately hostile: quotes,
/// commas, an embedded newline, non-Latin letters, HTML, and spreadsheet-formula starters
/// (`=`, `+`, `-`, `@`), so every CSV, XLSX and HTML writer downstream is exercised.
enum KonnectorNamePools {
    /// The vendor's `campaign_types` keys.
    static let campaignTypes = [
        "friend_request_follow_message", "connector_campaign", "friend_campaign", "smart_campaign",
        "shared_campaign",
    ]

    /// The vendor's campaign statuses.
    static let campaignStatuses = ["active", "inactive", "completed", "draft"]

    /// One block of senders: (name, email local part, status). The last one never gets a campaign.
    static let senders: [(name: String, email: String, status: String)] = [
        ("Zoë Ångström", "zoe.angstrom", "active"),
        ("Дмитрий Иванов", "dmitry.ivanov", "active"),
        ("Pat \"The Closer\" O'Brien, Jr.", "pat.obrien", "active"),
        ("李雷", "li.lei", "inactive"),
    ]

    /// Senders per block that own campaigns (the last sender of each block owns none).
    static let sendersWithCampaigns = 3

    /// One block of campaigns: (name, type, status). Index 11 is the all-zero draft.
    static let campaigns: [(name: String, type: String, status: String)] = [
        ("Q2 Sales Outreach", "smart_campaign", "active"),
        ("=HYPERLINK(\"http://x\",\"y\")", "friend_request_follow_message", "active"),
        ("<script>alert(1)</script>", "connector_campaign", "completed"),
        ("Founders, CTOs & \"Heads of Data\"", "friend_campaign", "inactive"),
        ("Two-line name\nsecond line", "shared_campaign", "active"),
        ("+1 Growth Push", "smart_campaign", "completed"),
        ("@channel Re-engagement", "friend_request_follow_message", "active"),
        ("-Negative Start; CSV test", "connector_campaign", "inactive"),
        ("Привет, партнёры", "friend_campaign", "active"),
        ("李雷的招聘活动", "shared_campaign", "completed"),
        ("Zoë's Ångström Series", "smart_campaign", "active"),
        ("Draft – not launched", "friend_request_follow_message", "draft"),
    ]

    static let industries = ["Technology", "Financial Services", "Healthcare", "Manufacturing", "Retail"]

    static let positions = [
        ["CTO", "VP Engineering", "Technical Director"],
        ["CFO", "Head of Finance"],
        ["Head of Talent", "Recruiter"],
        ["Founder", "CEO"],
        ["Head of Data", "Data Engineer", "Analytics Lead"],
    ]

    static let goals = [
        "Generate leads for enterprise software",
        "Book discovery calls",
        "Grow the partner network",
        "Re-engage past prospects",
    ]

    static let sources = ["manual", "csv_import", "sales_navigator"]
}
