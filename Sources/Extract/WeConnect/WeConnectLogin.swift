import Foundation
import Vendors
import Warehouse

/// WeConnect's credentials exchanged for a JWT: logs in on first use, again shortly before the
/// token's `exp`, and again when the vendor refuses it, so a run never fails on an expiry.
public actor WeConnectLogin: Authenticator {
    private let email: String
    private let password: String
    private var token: String?
    private var expiresAt: Date?
    /// Log in again this long before the token expires: a tenth of its lifetime, at most 30 s.
    private var margin: TimeInterval = 0
    /// The logged-in user's id, for the private channel's name.
    public private(set) var userID: String?

    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }

    public func headers(for session: FetchSession) async throws -> [String: String] {
        if token == nil || expiresAt.map({ $0.timeIntervalSince(session.now) < margin }) == true {
            try await login(session)
        }
        return token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }

    public func invalidate() { token = nil }

    /// Logs in; the answer is landed (token redacted) because it names the sender.
    public func login(_ session: FetchSession) async throws {
        let page = try await session.fetch(WeConnectAPI.login,
                                           Parameters(["email": .string(email), "password": .secret(password)]),
                                           authenticate: false)
        guard let token = page.json.at("success", "token")?.string, !token.isEmpty else {
            throw ExtractError(source: session.source.name, endpoint: WeConnectAPI.login.name, status: page.page.httpStatus,
                               cause: .malformedBody("no success.token in the login answer"))
        }
        self.token = token
        self.userID = page.json.at("success", "id")?.string
        self.expiresAt = Self.expiry(of: token)
        self.margin = min(30, max(0, (expiresAt?.timeIntervalSince(session.now) ?? 0) / 10))
    }

    /// The `exp` claim of a JWT, when it has one.
    static func expiry(of token: String) -> Date? {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let exp = (try? JSONValue.parse(data))?["exp"]?.double else { return nil }
        return Date(timeIntervalSince1970: exp)
    }
}
