import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct WeConnectAuthTests {
    typealias HTTP = WeConnectHTTP

    @Test func loginAnswersTheDocumentedShapeWithAVerifiableJWT() async throws {
        try await SandboxHTTP.withServer { server in
            let demo = try #require(server.weConnect.users.first)
            #expect(demo.id == 75)
            let result = try await HTTP.send(
                "POST", server, "/api/beta/login", json: ["email": demo.email, "password": demo.password])
            #expect(result.status == 200)
            #expect(result.json?.keys.sorted() == ["success"])
            let success = try #require(result.json?.object("success"))
            #expect(success.keys.sorted() == ["active_account", "email", "fullname", "id", "token"])
            #expect(success.int("id") == demo.id)
            #expect(success.string("email") == demo.email)
            #expect(success.string("active_account") == demo.activeAccount)
            #expect(success.string("fullname") == demo.fullname)

            let token = try #require(success.string("token"))
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3)
            let header = try #require(HTTP.decodePart(parts[0]))
            #expect(header.string("typ") == "JWT")
            #expect(header.string("alg") == "HS256")
            let claims = try #require(HTTP.decodePart(parts[1]))
            #expect(claims.string("sub") == "75")
            let issued = try #require(claims.int("iat"))
            #expect(claims.int("nbf") == issued)
            let expires = try #require(claims.int("exp"))
            #expect(expires - issued == 3_600)
            #expect(abs(Double(issued) - server.configuration.clock.epochSeconds()) < 60)
            #expect(claims.string("jti")?.count == 80)
            #expect(!parts[2].isEmpty)

            // The token works; the same token with any part altered does not.
            let ok = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(ok.status == 200)
            var forgedClaims = claims
            forgedClaims["sub"] = "76"
            let forgedPart = try JSONSerialization.data(withJSONObject: forgedClaims).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            let signature = String(parts[2])
            let flipped = (signature.first == "A" ? "B" : "A") + signature.dropFirst()
            for bad in [
                "\(parts[0]).\(forgedPart).\(parts[2])",
                "\(parts[0]).\(parts[1]).\(flipped)",
                "\(parts[0]).\(parts[1]).",
                "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.\(parts[1]).",
                "not-a-token",
            ] {
                let refused = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: bad)
                #expect(refused.status == 401, "\(bad)")
                #expect(refused.json?.string("message") == "Unauthenticated.")
            }
        }
    }

    @Test func wrongCredentialsAre401Unauthorised() async throws {
        try await SandboxHTTP.withServer { server in
            let users = server.weConnect.users
            let demo = try #require(users.first)
            let other = try #require(users.dropFirst().first)
            let attempts: [[String: Any]] = [
                ["email": demo.email, "password": "wrong"],
                ["email": "nobody@example.com", "password": demo.password],
                ["email": demo.email, "password": other.password],
                ["email": demo.email],
                [:],
            ]
            for body in attempts {
                let result = try await HTTP.send("POST", server, "/api/beta/login", json: body)
                #expect(result.status == 401)
                #expect(result.json?.keys.sorted() == ["error"])
                #expect(result.json?.string("error") == "Unauthorised")
            }
            // The second user's quoted, comma-holding password works, and emails match in any case.
            let second = try await HTTP.send(
                "POST", server, "/api/beta/login", json: ["email": other.email.uppercased(), "password": other.password])
            #expect(second.status == 200)
            #expect(second.json?.object("success")?.int("id") == other.id)
        }
    }

    @Test func protectedEndpointsNeedABearerToken() async throws {
        try await SandboxHTTP.withServer { server in
            let token = try await HTTP.login(server, try #require(server.weConnect.users.first))
            let endpoints: [(String, String)] = [
                ("POST", "/api/beta/ln/add"), ("POST", "/api/beta/ln/send"), ("GET", "/api/beta/ln/messages"),
                ("POST", "/api/beta/ln/thread"), ("GET", "/api/beta/ln/request/08e50e33-6d98-400a-a135-e55650706cfe"),
                ("POST", "/broadcasting/auth"),
            ]
            for (method, endpoint) in endpoints {
                let body: [String: Any]? = method == "GET" ? nil : [:]
                let missing = try await HTTP.send(method, server, endpoint, json: body)
                #expect(missing.status == 401, "\(endpoint)")
                #expect(missing.json?.string("message") == "Unauthenticated.")
                let basic = try await SandboxHTTP.send(
                    method, HTTP.url(server, endpoint), key: "Basic " + token, json: body)
                #expect(basic.status == 401, "\(endpoint)")
            }
            let lower = try await SandboxHTTP.send(
                "GET", HTTP.url(server, "/api/beta/ln/messages"), key: "bearer " + token)
            #expect(lower.status == 200)
        }
    }

    @Test func tokensExpireAfterTheirLifetime() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(tokenLifetime: .seconds(1))) { server in
            let token = try await HTTP.login(server, try #require(server.weConnect.users.first))
            let fresh = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(fresh.status == 200)
            await server.advanceTime(by: .milliseconds(1_200))
            let expired = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(expired.status == 401)
            #expect(expired.json?.string("message") == "Unauthenticated.")
            // Logging in again gives a working token.
            let again = try await HTTP.login(server, try #require(server.weConnect.users.first))
            #expect(try await HTTP.send("GET", server, "/api/beta/ln/messages", token: again).status == 200)
        }
    }

    @Test func routingAnswersLikeLaravel() async throws {
        try await SandboxHTTP.withServer { server in
            let token = try await HTTP.login(server, try #require(server.weConnect.users.first))
            let get = try await HTTP.send("GET", server, "/api/beta/login")
            #expect(get.status == 405)
            #expect(get.json?.string("message")
                == "The GET method is not supported for route api/beta/login. Supported methods: POST.")
            let unknown = try await HTTP.send("GET", server, "/api/beta/ln/nothing", token: token)
            #expect(unknown.status == 404)
            #expect(unknown.json?.string("message")?.contains("could not be found") == true)
            // The document's own example path has a double slash.
            let doubled = try await HTTP.send("GET", server, "/api/beta/ln//messages", token: token)
            #expect(doubled.status == 200)
            #expect(doubled.json?.object("meta") != nil)
            let postMessages = try await HTTP.send("POST", server, "/api/beta/ln/messages", token: token, json: [:])
            #expect(postMessages.status == 405)
        }
    }
}
