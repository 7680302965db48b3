/// The sizes of one scale's generated data and of what the pipeline made of it.
struct ScaleSizes: Sendable {
    var scale: Int
    var days: Int
    var senders = 0
    var campaigns = 0
    /// WeConnect threads and messages of every user (the pipeline reads every user as its own source).
    var threads = 0
    var messages = 0
    /// Distinct WeConnect prospects generated.
    var weConnectProspects = 0
    var linkedAPIInvitations = 0
    var weLinkAccounts = 0
    var weLinkRequests = 0
    /// Pages landed by the first pull and the bytes of their bodies.
    var rawPages = 0
    var rawBytes = 0
    /// Rows of every `fact_*` table after `transform --rebuild`, in all and per table.
    var factRows = 0
    var factRowsByTable: [(String, Int)] = []
    /// `dim_prospect` rows: the people of every vendor, once each.
    var prospects = 0
    /// Konnector's daily rows (`fact_campaign_daily` and `fact_sender_daily`) and WeConnect's
    /// messages after each vendor's own transform.
    var konnectorDailyRows = 0
    var weConnectMessagesLoaded = 0
}
