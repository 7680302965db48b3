/// One day's counters at one grain; nil where the vendor did not give that figure.
public struct DailyCounts: Sendable, Equatable {
    public var membersAdded: Int64?
    public var requestsSent: Int64?
    public var requestsAccepted: Int64?
    public var messagesSent: Int64?
    public var messagesReplied: Int64?

    public init(membersAdded: Int64? = nil, requestsSent: Int64? = nil, requestsAccepted: Int64? = nil,
                messagesSent: Int64? = nil, messagesReplied: Int64? = nil) {
        self.membersAdded = membersAdded
        self.requestsSent = requestsSent
        self.requestsAccepted = requestsAccepted
        self.messagesSent = messagesSent
        self.messagesReplied = messagesReplied
    }

    /// A negative count is no count: it is stored as unknown rather than subtracted from totals.
    mutating func dropNegatives() {
        func known(_ count: Int64?) -> Int64? { count.flatMap { $0 < 0 ? nil : $0 } }
        membersAdded = known(membersAdded)
        requestsSent = known(requestsSent)
        requestsAccepted = known(requestsAccepted)
        messagesSent = known(messagesSent)
        messagesReplied = known(messagesReplied)
    }

    /// These counts with every figure they leave out taken from `earlier`: what upserting them after `earlier` stores.
    func filled(from earlier: DailyCounts) -> DailyCounts {
        DailyCounts(membersAdded: membersAdded ?? earlier.membersAdded, requestsSent: requestsSent ?? earlier.requestsSent,
                    requestsAccepted: requestsAccepted ?? earlier.requestsAccepted,
                    messagesSent: messagesSent ?? earlier.messagesSent, messagesReplied: messagesReplied ?? earlier.messagesReplied)
    }

    var isEmpty: Bool {
        membersAdded == nil && requestsSent == nil && requestsAccepted == nil && messagesSent == nil && messagesReplied == nil
    }
}

/// A campaign's cumulative counters and the vendor's own percentages, as one fetch saw them.
struct CampaignCounters {
    var members: Int64?
    var requestsSent: Int64?
    var requestsAccepted: Int64?
    var vendorAcceptancePct: Double?
    var messagesSent: Int64?
    var messagesReplied: Int64?
    var vendorResponsePct: Double?
}

/// The descriptive attributes of a campaign that its history tracks; nil means "not said here".
struct CampaignAttributes: Equatable {
    var name: String?
    var type: String?
    var status: String?
    var senderKey: Int64?
    var createdAt: String?

    /// These attributes with every field this observation left out taken from `previous`.
    func filled(from previous: CampaignAttributes?) -> CampaignAttributes {
        CampaignAttributes(name: name ?? previous?.name, type: type ?? previous?.type,
                           status: status ?? previous?.status, senderKey: senderKey ?? previous?.senderKey,
                           createdAt: createdAt ?? previous?.createdAt)
    }
}
