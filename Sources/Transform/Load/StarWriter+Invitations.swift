import Foundation
import Warehouse

/// Invitations with their own outcome, acceptance events, and conversations that arrive in parts.
extension StarWriter {
    /// An invitation as sent; a later observation keeps the status it already has. `sentAt` is
    /// the vendor's time, or nil when only the time it was first seen is known (`seenAt`), which
    /// never moves a time already stored.
    func invitation(sourceKey: Int64, id: String, senderKey: Int64?, prospectKey: Int64?, sentAt: String?, seenAt: String,
                    rawPageID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fact_invitation (source_key, invitation_id, sender_key, prospect_key, sent_at, status, raw_page_id)
            VALUES (?, ?, ?, ?, COALESCE(?, ?), 'pending', ?)
            ON CONFLICT(source_key, invitation_id) DO UPDATE SET sender_key = COALESCE(excluded.sender_key, sender_key),
                prospect_key = COALESCE(excluded.prospect_key, prospect_key),
                sent_at = CASE WHEN ? IS NOT NULL THEN excluded.sent_at ELSE sent_at END
            """).execute(arguments: [sourceKey, id, senderKey, prospectKey, sentAt, seenAt, rawPageID, sentAt])
    }

    /// What a status check said of an invitation: `accepted`, `pending` or `declined`. A check
    /// dates an acceptance only when the check before it saw the invitation pending (it happened
    /// between the two); otherwise its time is unknown until an event gives it.
    func invitationChecked(sourceKey: Int64, id: String, status: String, checkedAt: String, rawPageID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE fact_invitation SET status = ?, checked_at = ?, raw_page_id = ?,
                accepted_at = CASE WHEN ? = 'accepted'
                                   THEN COALESCE(accepted_at, CASE WHEN status = 'pending' AND checked_at IS NOT NULL THEN ? END) END
            -- A check older than the one stored (a late delivery) changes nothing.
            WHERE source_key = ? AND invitation_id = ? AND (checked_at IS NULL OR checked_at <= ?)
            """).execute(arguments: [status, checkedAt, rawPageID, status, checkedAt, sourceKey, id, checkedAt])
    }

    /// The prospect accepted the source's invitation, seen at `detectedAt` (nil when only the fact
    /// is known); the earliest sighting with a time is kept.
    func connectionAccepted(sourceKey: Int64, prospectKey: Int64, detectedAt: String?, rawPageID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fact_connection_accepted (source_key, prospect_key, detected_at, raw_page_id) VALUES (?, ?, ?, ?)
            ON CONFLICT(source_key, prospect_key) DO UPDATE SET detected_at = excluded.detected_at, raw_page_id = excluded.raw_page_id
            WHERE excluded.detected_at IS NOT NULL AND (detected_at IS NULL OR excluded.detected_at < detected_at)
            """).execute(arguments: [sourceKey, prospectKey, detectedAt, rawPageID])
    }

    /// The sender of a source that has exactly one (a Linked API account), for pages that do not name it.
    func soleSender(sourceKey: Int64) throws -> Int64? {
        let keys = try Int64.fetchAll(db.cachedStatement(sql: "SELECT sender_key FROM dim_sender WHERE source_key = ? LIMIT 2"),
                                      arguments: [sourceKey])
        return keys.count == 1 ? keys[0] : nil
    }

    /// Gives the source's invitations and threads that name no sender to `senderKey`.
    func adoptUnattributed(sourceKey: Int64, senderKey: Int64) throws {
        try db.cachedStatement(sql: "UPDATE fact_invitation SET sender_key = ? WHERE source_key = ? AND sender_key IS NULL")
            .execute(arguments: [senderKey, sourceKey])
        try db.cachedStatement(sql: "UPDATE fact_thread SET sender_key = ? WHERE source_key = ? AND sender_key IS NULL")
            .execute(arguments: [senderKey, sourceKey])
    }

    /// Adds messages to a thread whose vendor gives it in parts (a poll since a time, a mailbox
    /// page): the messages stored and the new ones, a message seen twice (the same vendor id, or
    /// without one the same direction and time) kept once, then the thread's figures recomputed
    /// as `replaceThread` does.
    func mergeThread(sourceKey: Int64, threadID: String, senderKey: Int64?, prospectKey: Int64?, prospectName: String?,
                     messages: [ThreadMessage], rawPageID: Int64) throws {
        let stored = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.direction, m.sent_at, m.author, m.message_id, m.reply_class FROM fact_message m JOIN fact_thread t USING (thread_key)
            WHERE t.source_key = ? AND t.thread_id = ? ORDER BY m.position
            """), arguments: [sourceKey, threadID])
        // A message with an id is the same as one with that id, or as one without an id at its
        // direction and time; a message without an id is the same as any at its direction and time.
        var ids = Set<String>(), untitled = Set<String>(), moments = Set<String>()
        var merged: [ThreadMessage] = []
        for message in stored.map({ ThreadMessage(order: 0, direction: $0["direction"], sentAt: $0["sent_at"], author: $0["author"],
                                                  id: $0["message_id"],
                                                  replyClass: ($0["reply_class"] as String?).flatMap(ReplyClass.init(rawValue:))) })
            + messages {
            let moment = "\(message.direction)\u{1F}\(message.sentAt ?? "")"
            if let id = message.id {
                guard !ids.contains(id), !untitled.contains(moment) else { continue }
                ids.insert(id)
            } else {
                guard !moments.contains(moment) else { continue }
                untitled.insert(moment)
            }
            moments.insert(moment)
            merged.append(message)
        }
        // Oldest first already; `replaceThread` keeps equal times in reverse order, so number them so.
        let numbered = merged.enumerated().map { ThreadMessage(order: -$0.offset, direction: $0.element.direction,
                                                               sentAt: $0.element.sentAt, author: $0.element.author, id: $0.element.id,
                                                               text: $0.element.text, replyClass: $0.element.replyClass) }
        try replaceThread(sourceKey: sourceKey, threadID: threadID, senderKey: senderKey, prospectKey: prospectKey,
                          prospectName: prospectName, messages: numbered, rawPageID: rawPageID)
    }
}
