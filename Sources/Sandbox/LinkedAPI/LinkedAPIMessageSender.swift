/// Who wrote a conversation message: the account (`us`) or the other person (`them`).
public enum LinkedAPIMessageSender: String, Sendable, Hashable, Codable {
    case us
    case them
}
