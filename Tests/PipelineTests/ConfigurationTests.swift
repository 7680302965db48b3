import Extract
import Foundation
@testable import Pipeline
import Warehouse
import Testing

/// The configuration file as the contract shows it, and the errors a user gets for a bad one.
@Suite struct ConfigurationTests {
    private let base = URL(fileURLWithPath: "/etc/outreach")

    @Test func readsTheContractsExample() throws {
        let text = """
            [warehouse]
            path = "warehouse.sqlite"      # relative paths are relative to this file

            [reports]
            dir = "reports"
            formats = ["csv", "xlsx", "html"]

            [[sources]]
            name = "acme-konnector"        # unique, shown in reports
            kind = "konnector"             # konnector | weconnect | welink | linkedapi
            base_url = "https://dev-api.konnector.ai/social_app/api/v1/third_party"
            api_key_env = "KONNECTOR_API_KEY"   # secrets come from the environment only
            schedule = "daily"             # how often `--due` runs it
            lookback_days = 14             # window re-read each run for late updates

            [[sources]]
            name = "acme-weconnect"
            kind = "weconnect"
            base_url = "https://api-us-1.we-connect.io"
            email_env = "WECONNECT_EMAIL"
            password_env = "WECONNECT_PASSWORD"
            """
        let configuration = try PipelineConfiguration.parse(text, baseDirectory: base)
        #expect(configuration.warehouse.path == "/etc/outreach/warehouse.sqlite")
        #expect(configuration.reportsDirectory.path == "/etc/outreach/reports")
        #expect(configuration.formats == [.csv, .xlsx, .html])
        #expect(configuration.sources.map(\.name) == ["acme-konnector", "acme-weconnect"])
        #expect(configuration.sources[0].apiKeyEnv == "KONNECTOR_API_KEY")
        #expect(configuration.sources[0].lookbackDays == 14)
        #expect(configuration.sources[1].emailEnv == "WECONNECT_EMAIL")
        #expect(configuration.sources[1].socketURL.absoluteString == "wss://api-us-1.we-connect.io:6001/app/WC94900")
    }

    @Test(arguments: [
        ("[warehouse]\npath = 3\n", "[warehouse] path must be a string"),
        ("[[sources]]\nname = \"a\"\nkind = \"konnector\"\nbase_url = \"https://x\"\n", "needs api_key_env"),
        ("[[sources]]\nname = \"a\"\nkind = \"weconnect\"\nbase_url = \"https://x\"\nemail_env = \"E\"\n", "needs email_env and password_env"),
        ("[[sources]]\nname = \"a\"\nkind = \"nope\"\nbase_url = \"https://x\"\n", "unknown kind \"nope\""),
        ("[[sources]]\nname = \"a\"\nkind = \"konnector\"\nbase_url = \"ftp://x\"\napi_key_env = \"K\"\n", "needs base_url"),
        ("[[sources]]\nname = \"a\"\nkind = \"konnector\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\napi_kye = 1\n", "unknown key \"api_kye\""),
        ("[[sources]]\nname = \"a\"\nkind = \"konnector\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\n[[sources]]\nname = \"a\"\nkind = \"konnector\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\n", "names must be unique"),
        ("[reports]\nformats = [\"pdf\"]\n", "unknown format"),
        ("[warehouse\n", "line 1"),
        ("[[sources]]\nname = \"a\"\nkind = \"welink\"\nbase_url = \"https://x\"\n", "needs api_key_env"),
        ("[[sources]]\nname = \"a\"\nkind = \"linkedapi\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\nresult_handling = \"poll\"\n",
         "result_handling must be one of long, reslink, hook"),
        ("[[sources]]\nname = \"a\"\nkind = \"linkedapi\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\nresult_handling = \"hook\"\n",
         "needs webhook_url"),
        ("[[sources]]\nname = \"a\"\nkind = \"welink\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\nhourly_limit = 0\n", "hourly_limit"),
    ])
    func explainsWhatIsWrong(text: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("etl.toml: ") == true)
        #expect(error?.description.contains("\n") == false)
    }

    private func konnector(name: String) -> String {
        "[[sources]]\nname = \(TOMLValue.string(name).written)\nkind = \"konnector\"\nbase_url = \"https://x\"\napi_key_env = \"K\"\n"
    }

    @Test(arguments: ["acme/eu", "acme eu", "acmé", "a\nb", "a\u{1B}[31m", ".", "..", String(repeating: "a", count: 65), "a?b", "a%2Fb"])
    func aSourceNameOutsideTheAllowedCharactersIsAConfigurationError(name: String) {
        let text = konnector(name: "fine") + konnector(name: name)
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("etl.toml: source 2 name "), "\(message)")
        #expect(message.contains("ASCII letters, digits, \"-\", \"_\" and \".\""), "\(message)")
        #expect(!message.contains { $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }, "no raw control character: \(message)")
    }

    @Test func aControlCharacterInANameIsShownEscaped() {
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(konnector(name: "a\nb"), baseDirectory: base) }
        #expect(error?.description.contains(#"name "a\nb" has the character "\n""#) == true, "\(error?.description ?? "")")
    }

    @Test func namesOfLettersDigitsDashesUnderscoresAndDotsAreAccepted() throws {
        let names = ["acme-konnector", "Acme_EU.v2", "1", String(repeating: "z", count: 64), "..a"]
        let configuration = try PipelineConfiguration.parse(names.map(konnector(name:)).joined(), baseDirectory: base)
        #expect(configuration.sources.map(\.name) == names)
    }

    @Test(arguments: ["api_key_env", "api_secret_env", "webhook_secret_env"])
    func anEmptyEnvironmentVariableNameIsAConfigurationError(key: String) {
        let text = "[[sources]]\nname = \"a\"\nkind = \"linkedapi\"\nbase_url = \"https://x\"\n"
            + (key == "api_key_env" ? "" : "api_key_env = \"K\"\n") + "\(key) = \"\"\n"
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base) }
        #expect(error?.description == "etl.toml: source \"a\" \(key) is empty; write the name of the environment variable that holds the secret",
                "\(error?.description ?? "")")
    }

    @Test func emptyLoginVariablesAreAConfigurationErrorToo() {
        let text = "[[sources]]\nname = \"w\"\nkind = \"weconnect\"\nbase_url = \"https://x\"\nemail_env = \"\"\npassword_env = \"P\"\n"
        let error = #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse(text, baseDirectory: base) }
        #expect(error?.description.contains("source \"w\" email_env is empty") == true, "\(error?.description ?? "")")
    }

    @Test(arguments: [("[\"pdf\"]", #"unknown format "pdf"; use csv, xlsx or html"#), ("[3]", "unknown format 3; use"),
                      ("[[\"csv\"]]", #"unknown format ["csv"]; use"#), ("[{ a = true }]", "unknown format { a = true }; use")])
    func anUnknownFormatIsShownAsTheFileWroteIt(list: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try PipelineConfiguration.parse("[reports]\nformats = \(list)\n", baseDirectory: base)
        }
        #expect(error?.description.contains("[reports] formats: " + message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("string(") == false)
    }

    @Test func tomlValuesAreWrittenTheWayAFileWritesThem() {
        #expect(TOMLValue.string("say \"hi\"\t\u{7}").written == #""say \"hi\"\t\u0007""#)
        #expect(TOMLValue.float(.infinity).written == "inf" && TOMLValue.float(-.infinity).written == "-inf")
        #expect(TOMLValue.float(2.5).written == "2.5" && TOMLValue.boolean(false).written == "false")
        #expect(TOMLValue.date("2026-01-02").written == "2026-01-02")
    }

    @Test func readsWeLinkAndLinkedAPISources() throws {
        let configuration = try PipelineConfiguration.parse("""
            [[sources]]
            name = "acme-welink"
            kind = "welink"
            base_url = "https://api.we-link.example"
            api_key_env = "WELINK_API_KEY"
            api_secret_env = "WELINK_API_SECRET"
            account_id = 48213

            [[sources]]
            name = "acme-linkedapi"
            kind = "linkedapi"
            base_url = "https://api.linkedapi.io"
            api_key_env = "LINKEDAPI_TOKEN"
            api_secret_env = "LINKEDAPI_IDENTIFICATION_TOKEN"
            result_handling = "hook"
            webhook_url = "https://hooks.acme.example/webhooks/acme-linkedapi"
            webhook_secret_env = "HOOK_SECRET"
            status_checks_per_run = 40
            """, baseDirectory: base)
        let (weLink, linkedAPI) = (configuration.sources[0], configuration.sources[1])
        #expect(weLink.accountID == "48213")
        #expect(weLink.hourlyLimit == 30, "the document's allowance by default")
        #expect(weLink.apiSecretEnv == "WELINK_API_SECRET")
        #expect(linkedAPI.hourlyLimit == nil)
        #expect(linkedAPI.resultHandling == .hook)
        #expect(linkedAPI.webhookURL?.host == "hooks.acme.example")
        #expect(linkedAPI.webhookSecretEnv == "HOOK_SECRET")
        #expect(linkedAPI.statusChecksPerRun == 40)
    }

    @Test func requestFilesCarryThePersonAndTimeOfAnInvitation() throws {
        let requests = try RequestIDFile.parseRequests("request_id,person_url,sent_at\ninv-1,https://www.linkedin.com/in/ada/,2026-11-02\ninv-2,,\n")
        #expect(requests.map(\.id) == ["inv-1", "inv-2"])
        #expect(requests[0].subject == "https://www.linkedin.com/in/ada/" && requests[0].sentAt == "2026-11-02")
        #expect(requests[1].subject == nil && requests[1].sentAt == nil)
    }

    @Test func csvByteOrderMarkIsOffUnlessAsked() throws {
        #expect(try PipelineConfiguration.parse("", baseDirectory: base).csvByteOrderMark == false)
        #expect(try PipelineConfiguration.parse("[reports]\ncsv_bom = true\n", baseDirectory: base).csvByteOrderMark)
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.parse("[reports]\ncsv_bom = \"yes\"\n", baseDirectory: base) }
    }

    @Test func requestIDFilesAreLinesOrACSVWithARequestIDColumn() throws {
        #expect(try RequestIDFile.parse("a\n\nb\n# note\na\n") == ["a", "b"])
        #expect(try RequestIDFile.parse("account,request_id\n708,x-1\n709,\"x,2\"\r\n") == ["x-1", "x,2"])
        #expect(throws: ConfigurationError.self) { try RequestIDFile.parse("account,other\n1,2\n") }
    }
}

/// Which vendor statuses end the following of a request.
@Suite struct LedgerFinalityTests {
    @Test(arguments: [("Completed_Success", true), ("Completed_Failed", true), ("SUCCESS", true), ("PROFILE_NOT_FOUND", true),
                      ("MESSAGE_FAILED", true), ("connected", true), ("notConnected", true), ("Pending", false), ("PENDING", false),
                      ("pending", false), ("In_Queue", false), ("Submitted", false), ("running", false)])
    func finalStatuses(status: String, final: Bool) {
        #expect(RequestLedger.isFinal(status) == final)
    }
}

/// A webhook secret travels in a URL the vendor may echo back encoded: every written form is redacted.
@Suite struct SecretFormsTests {
    @Test(arguments: ["ab+c/d=", #"ab+c\/d="#, "ab%2Bc%2Fd%3D", "ab%2bc%2fd%3d", "ab%2Bc/d%3d", "YWIrYy9kPQ==", "YWIrYy9kPQ",
                      "x=YWIrYy9kPQ&y"])
    func aSecretIsRedactedInEveryWayAURLMayWriteIt(form: String) {
        let redacted = Redactor(secrets: ["ab+c/d="]).redact("before " + form + " after")
        #expect(redacted.hasPrefix("before ") && redacted.hasSuffix(" after") && redacted.contains("[redacted]"), "\(redacted)")
        #expect(!redacted.contains("ab"), "\(redacted)")
    }

    @Test func shortValuesAndNothingAreLeftAlone() {
        #expect(Redactor(secrets: ["abc"]).redact("abc abc") == "abc abc")
        #expect(Redactor(secrets: []).redact("anything") == "anything")
    }
}
