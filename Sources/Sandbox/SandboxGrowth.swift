/// How much data one scale block of the sandbox holds: `.standard` is the documented block the demo
/// and the tests rely on; `.largeAccount` is the bench's, whose scale 125 is the biggest account the
/// product is for (500 senders, 5,000 campaigns, 300,000 WeConnect threads of 10 messages, 100,000
/// WeConnect prospects). A nil field keeps that generator's standard layout.
public struct SandboxGrowth: Sendable, Equatable {
    /// Konnector campaigns per block of 4 senders (standard: the name pool's 12, over 3 senders).
    public var konnectorCampaignsPerBlock: Int?
    /// WeConnect threads per user (standard: the user templates' 26 and 14).
    public var weConnectThreadsPerUser: Int?
    /// Messages in every WeConnect thread (standard: 1 to 8, by the thread's pattern).
    public var weConnectMessagesPerThread: Int?
    /// Distinct WeConnect prospects per block, none shared between blocks (standard: the pool's 192
    /// people, the same in every block).
    public var weConnectProspectsPerBlock: Int?
    /// Linked API invitations per block (standard 60), with a quarter as many members never invited.
    public var linkedAPIInvitationsPerBlock: Int?

    public init(konnectorCampaignsPerBlock: Int? = nil, weConnectThreadsPerUser: Int? = nil,
                weConnectMessagesPerThread: Int? = nil, weConnectProspectsPerBlock: Int? = nil,
                linkedAPIInvitationsPerBlock: Int? = nil) {
        self.konnectorCampaignsPerBlock = konnectorCampaignsPerBlock
        self.weConnectThreadsPerUser = weConnectThreadsPerUser
        self.weConnectMessagesPerThread = weConnectMessagesPerThread
        self.weConnectProspectsPerBlock = weConnectProspectsPerBlock
        self.linkedAPIInvitationsPerBlock = linkedAPIInvitationsPerBlock
    }

    /// The documented blocks: what every generator makes without being told otherwise.
    public static let standard = SandboxGrowth()

    /// The bench's blocks: 40 campaigns per 4 senders; 2 WeConnect users of 1,200 threads of 10
    /// messages each, with 800 prospects of their own; 80 Linked API invitations.
    public static let largeAccount = SandboxGrowth(
        konnectorCampaignsPerBlock: 40, weConnectThreadsPerUser: 1_200, weConnectMessagesPerThread: 10,
        weConnectProspectsPerBlock: 800, linkedAPIInvitationsPerBlock: 80)
}
