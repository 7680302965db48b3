import Publish
import Testing

/// A destination's URL: read whole, percent-decoded, and never shown with its password.
@Suite struct PostgresURLTests {
    @Test func aURLIsReadAndShownWithoutItsPassword() throws {
        let url = try PostgresURL("postgres://team%40acme:s%3Acr%2Fet@db.example.com:6543/ware%20house?sslmode=require")
        #expect(url.username == "team@acme" && url.password == "s:cr/et" && url.host == "db.example.com" && url.port == 6543)
        #expect(url.database == "ware house" && url.tls == .require)
        #expect(url.description == "postgres://team@acme@db.example.com:6543/ware house")
        #expect(!url.description.contains("cr"))
        let plain = try PostgresURL("postgresql://u@localhost/db")
        #expect(plain.port == 5432 && plain.password == nil && plain.tls == .prefer)
    }

    @Test(arguments: ["mysql://u:p@h/db", "postgres://h/db", "postgres://u:p@h", "postgres://u:p@h/db?sslmode=maybe",
                      "postgres://u:p@h/db?x=1", "not a url"])
    func aBadURLSaysWhyWithoutRepeatingIt(text: String) {
        let error = #expect(throws: PublishError.Cause.self) { _ = try PostgresURL(text) }
        let message = PublishError(destination: "d", cause: error ?? .lostConnection).description
        #expect(message.hasPrefix("destination d: publish failed: the URL in its url_env variable cannot be used"))
        #expect(!message.contains(text))
    }
}
