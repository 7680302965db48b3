/// The LinkedIn actions `/api/beta/ln/send` accepts: the document's seven `type` values.
/// (Adding a LinkedIn account through `/api/beta/ln/add` is the eighth action; it has no type.)
public enum WeConnectActionType: String, Sendable, Hashable, Codable, CaseIterable {
    case connect
    case message
    case withdraw
    case visit
    case endorse
    case like
    case follow
}
