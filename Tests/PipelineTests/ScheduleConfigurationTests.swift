import Foundation
import Pipeline
import Testing

/// `schedule`, `[schedule] zone` and `[reports] zone` in the configuration file.
@Suite struct ScheduleConfigurationTests {
    private let base = URL(fileURLWithPath: "/etc/outreach")

    private func source(_ name: String, schedule: String?) -> String {
        """
        [[sources]]
        name = "\(name)"
        kind = "konnector"
        base_url = "https://x"
        api_key_env = "K"
        \(schedule.map { "schedule = \"\($0)\"" } ?? "")

        """
    }

    @Test func parsesEachSourcesScheduleAndTheZone() throws {
        let text = "[schedule]\nzone = \"Europe/Berlin\"\n\n" + source("a", schedule: nil) + source("b", schedule: "every 6h")
            + source("c", schedule: "weekly on monday at 06:00")
        let configuration = try PipelineConfiguration.parse(text, baseDirectory: base)
        #expect(configuration.scheduleZone.identifier == "Europe/Berlin")
        #expect(configuration.sources.map(\.schedule) == ["daily", "every 6h", "weekly on monday at 06:00"])
        #expect(configuration.sources.map(\.scheduleRule) == [.daily, .every(seconds: 21_600), .weeklyOn(.monday, hour: 6, minute: 0)])
    }

    @Test func theZoneIsUTCByDefault() throws {
        let configuration = try PipelineConfiguration.parse(source("a", schedule: "daily at 06:00"), baseDirectory: base)
        #expect(configuration.scheduleZone.secondsFromGMT() == 0)
        #expect(configuration.scheduleZone == PipelineConfiguration.utc)
        #expect(configuration.reportZone == PipelineConfiguration.utc)
    }

    @Test func theReportsHaveAZoneOfTheirOwn() throws {
        let text = "[reports]\nzone = \"America/Sao_Paulo\"\n[schedule]\nzone = \"Europe/Berlin\"\n" + source("a", schedule: nil)
        let configuration = try PipelineConfiguration.parse(text, baseDirectory: base)
        #expect(configuration.reportZone.identifier == "America/Sao_Paulo")
        #expect(configuration.scheduleZone.identifier == "Europe/Berlin")
    }

    @Test func sourcesMadeInCodeTakeAParsedScheduleAndShowItsSpelling() throws {
        let source = SourceConfiguration(name: "a", kind: .konnector, baseURL: try #require(URL(string: "https://x")),
                                         schedule: try Schedule(parsing: "every 30m"))
        #expect(source.scheduleRule == .every(seconds: 1_800))
        #expect(source.schedule == "every 30m")
        let daily = SourceConfiguration(name: "b", kind: .konnector, baseURL: try #require(URL(string: "https://x")))
        #expect(daily.scheduleRule == .daily && daily.schedule == "daily")
    }

    @Test func theFileKeepsTheScheduleAsItWroteIt() throws {
        let configuration = try PipelineConfiguration.parse(source("a", schedule: "Every  6 Hours"), baseDirectory: base)
        #expect(configuration.sources[0].schedule == "Every  6 Hours")
        #expect(configuration.sources[0].scheduleRule == .every(seconds: 21_600))
    }

    @Test(arguments: [
        ("[schedule]\nzone = \"Mars/Olympus\"\n", "[schedule] zone \"Mars/Olympus\" is not an IANA time zone name"),
        ("[schedule]\nzone = \"\"\n", "[schedule] zone \"\" is not an IANA time zone name"),
        ("[schedule]\nzone = 2\n", "[schedule] zone must be a string"),
        ("[schedule]\nzones = \"UTC\"\n", "unknown key \"zones\" in [schedule]"),
        ("schedule = \"daily\"\n", "[schedule] must be a table"),
        ("[reports]\nzone = \"Berlin\"\n", "[reports] zone \"Berlin\" is not an IANA time zone name"),
        ("[reports]\nzone = true\n", "[reports] zone must be a string"),
    ])
    func rejectsABadZone(text: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base) }
        #expect(error?.description.hasPrefix("etl.toml: ") == true)
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false)
    }

    @Test(arguments: ["fortnightly", "every 0m", "daily at 25:00", "weekly on someday at 06:00", "weekly on monday"])
    func rejectsABadScheduleNamingTheSourceAndTheForms(schedule: String) {
        let text = source("fine", schedule: "daily") + source("acme-konnector", schedule: schedule)
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("etl.toml: source \"acme-konnector\": schedule \"\(schedule)\" is not understood"), "\(message)")
        #expect(message.contains("hourly, daily, weekly, every Nm, every Nh, every Nd"))
        #expect(message.contains("daily at HH:MM, weekly on <weekday> at HH:MM"))
        #expect(!message.contains("\n"))
    }

    @Test func aScheduleThatIsNotAStringIsAnError() {
        let text = source("acme", schedule: nil) + "schedule = 6\n"
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, baseDirectory: base) }
        #expect(error?.description.contains("source \"acme\" schedule must be a string") == true, "\(error?.description ?? "")")
    }
}
