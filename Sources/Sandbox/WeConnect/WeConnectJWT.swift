import Chronology
import Crypto
import Foundation

/// The login tokens: real HS256 JWTs signed with a server secret. Header `{"typ":"JWT","alg":"HS256"}`;
/// claims `aud`, `jti`, `iat`, `nbf`, `exp`, `sub` (the user id as a string) and `scopes`, as in the
/// document's Passport token (which is RS256; the brief asks for HS256).
struct WeConnectJWT: Sendable {
    private let key: [UInt8]
    /// How long a token stays valid.
    let lifetime: Duration
    /// The exact expiry of every token this server issued, by `jti`: tokens expire exactly
    /// `lifetime` after they were issued, although the claims are whole seconds.
    private let expiries = LockedBox<[String: Double]>([:])
    /// What a token's signature and claims said when it was first checked: the same bytes always say
    /// the same, so later requests only compare the times (a night's bench sends one token per thread).
    private let verified = LockedBox<[String: Verified]>([:])

    private struct Verified {
        let userID: Int
        let notBefore: Double?
        let expiry: Double
    }

    init(secret: [UInt8], lifetime: Duration) {
        key = secret
        self.lifetime = lifetime
    }

    /// Why a token was refused (all answer 401 `Unauthenticated.`).
    enum Failure: Error, Sendable, Equatable {
        case malformed, badSignature, expired, notYetValid
    }

    /// The header as the document's token has it (typ first).
    private static let header = #"{"typ":"JWT","alg":"HS256"}"#

    /// A token for `userID` issued at `now`, valid for exactly `lifetime`. `iat` and `nbf` are `now`
    /// rounded down and `exp` is `now + lifetime` rounded down (so a client trusting `exp` renews in
    /// time).
    func issue(userID: Int, now: Double, jti: String) -> String {
        let issued = Int(now.rounded(.down))
        let expires = Int((now + lifetime.timeInterval).rounded(.down))
        expiries.withLock { $0[jti] = now + lifetime.timeInterval }
        let claims: JSONValue = [
            "aud": "1",
            "jti": .string(jti),
            "iat": .int(issued),
            "nbf": .int(issued),
            "exp": .int(expires),
            "sub": .string(String(userID)),
            "scopes": [],
        ]
        let signingInput = Self.base64URL(Data(Self.header.utf8)) + "." + Self.base64URL(claims.encoded())
        return signingInput + "." + Self.base64URL(signature(signingInput))
    }

    /// The user id of a valid token at `now`. A token of this server expires at its exact expiry;
    /// one it does not know (same secret, another server) at its `exp` claim.
    func verify(_ token: String, now: Double) throws(Failure) -> Int {
        let known: Verified
        if let cached = verified.withLock({ $0[token] }) {
            known = cached
        } else {
            known = try check(token)
            verified.withLock { $0[token] = known }
        }
        if let notBefore = known.notBefore, notBefore > now { throw .notYetValid }
        guard now < known.expiry else { throw .expired }
        return known.userID
    }

    /// The signature and claims of `token`, whatever the time.
    private func check(_ token: String) throws(Failure) -> Verified {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerData = Self.decodeBase64URL(parts[0]),
              let header = JSONValue.decode(headerData)?.objectValue,
              header["alg"] == .string("HS256"),
              let signature = Self.decodeBase64URL(parts[2]),
              let claimsData = Self.decodeBase64URL(parts[1])
        else { throw .malformed }
        let signingInput = Data((parts[0] + "." + parts[1]).utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: SymmetricKey(data: key)) else {
            throw .badSignature
        }
        guard let claims = JSONValue.decode(claimsData)?.objectValue,
              case .string(let subject)? = claims["sub"], let userID = Int(subject),
              case .int(let expires)? = claims["exp"]
        else { throw .malformed }
        var notBefore: Double?
        if case .int(let seconds)? = claims["nbf"] { notBefore = Double(seconds) }
        var expiry = Double(expires)
        if case .string(let jti)? = claims["jti"], let exact = expiries.withLock({ $0[jti] }) {
            expiry = exact
        }
        return Verified(userID: userID, notBefore: notBefore, expiry: expiry)
    }

    private func signature(_ signingInput: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: key)))
    }

    /// Base64url without padding (RFC 7515).
    static func base64URL(_ data: Data) -> String {
        String(data.base64EncodedString().compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }

    /// Decodes unpadded base64url; nil when malformed.
    static func decodeBase64URL(_ text: Substring) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var base64 = String(text.map { $0 == "-" ? "+" : ($0 == "_" ? "/" : $0) })
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
