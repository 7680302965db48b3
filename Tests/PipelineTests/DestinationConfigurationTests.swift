import Foundation
import Pipeline
import Testing

/// `[[destinations]]` in the configuration file.
@Suite struct DestinationConfigurationTests {
    private let base = URL(fileURLWithPath: "/etc/outreach")

    @Test func readsEachDestinationWithItsDefaults() throws {
        let text = """
            [[destinations]]
            name = "team-postgres"
            kind = "postgres"
            url_env = "OUTREACH_PG_URL"

            [[destinations]]
            name = "agency"
            kind = "postgres"
            url_env = "AGENCY_PG_URL"
            schema = "client_acme"
            """
        let configuration = try PipelineConfiguration.parse(text, baseDirectory: base)
        #expect(configuration.destinations.map(\.name) == ["team-postgres", "agency"])
        #expect(configuration.destinations.map(\.schema) == ["outreach", "client_acme"])
        #expect(configuration.destinations.map(\.urlEnv) == ["OUTREACH_PG_URL", "AGENCY_PG_URL"])
        #expect(configuration.destinations.allSatisfy { $0.kind == .postgres })
        #expect(try PipelineConfiguration.parse("", baseDirectory: base).destinations.isEmpty)
    }

    @Test(arguments: [
        ("name = \"d\"\nkind = \"mysql\"\nurl_env = \"U\"", "destination \"d\": unknown kind \"mysql\"; use postgres"),
        ("name = \"d\"\nkind = \"postgres\"", "destination \"d\" needs url_env"),
        ("name = \"d\"\nkind = \"postgres\"\nurl = \"postgres://u:p@h/db\"", "unknown key \"url\" in destination 1"),
        ("name = \"d\"\nkind = \"postgres\"\nurl_env = \"U\"\nschema = \"a b\"", "destination \"d\" schema \"a b\" must be"),
        ("name = \"d\"\nkind = \"postgres\"\nurl_env = \"U\"\nschema = \"1st\"", "must be 1 to 63 letters"),
        ("name = \"d/e\"\nkind = \"postgres\"\nurl_env = \"U\"", "destination 1 name \"d/e\" has the character"),
        ("kind = \"postgres\"\nurl_env = \"U\"", "destination 1 has no name"),
    ])
    func rejectsABadDestination(body: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try PipelineConfiguration.parse("[[destinations]]\n" + body + "\n", file: "etl.toml", baseDirectory: base)
        }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func twoDestinationsCannotShareAName() {
        let one = "[[destinations]]\nname = \"d\"\nkind = \"postgres\"\nurl_env = \"U\"\n"
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(one + one, baseDirectory: base) }
        #expect(error?.description.contains("two destinations are named \"d\"") == true)
    }
}
