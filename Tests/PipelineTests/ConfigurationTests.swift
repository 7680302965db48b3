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
        #expect(linkedAPI.resultHandling == "hook")
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
    @Test func aSecretIsRedactedInEveryWayAURLMayWriteIt() {
        let forms = Set(PipelineRunner.writtenForms(of: "ab+c/d="))
        #expect(forms.isSuperset(of: ["ab+c/d=", #"ab+c\/d="#, "ab%2Bc%2Fd%3D", "ab%2bc%2fd%3d"]))
        #expect(PipelineRunner.writtenForms(of: nil).isEmpty)
    }
}
