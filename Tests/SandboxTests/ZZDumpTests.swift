import Foundation
import Testing
import Sandbox

@Suite struct ZZDump {
    @Test func dump() async throws {
        try await SandboxHTTP.withServer { server in
            try JSONEncoder().encode(server.konnector).write(to: URL(fileURLWithPath: "/tmp/sbx_dataset.json"))
            let b = server.konnectorBaseURL
            let c = server.konnector.campaigns[0]
            let urls: [(String, URL)] = [
                ("filters", SandboxHTTP.url(b, "/user-campaign-filters")),
                ("dash", SandboxHTTP.url(b, "/dashboard-info", [("start_date","2026-11-15")])),
                ("ci", SandboxHTTP.url(b, "/campaign-info", [("limit","2"),("offset","2"),("end_date","2026-10-01")])),
                ("rd", SandboxHTTP.url(b, "/optimized_routine_data", [("linkedin_campaign_routine_id", c.id),("start_date","2026-11-18")])),
                ("draft", SandboxHTTP.url(b, "/optimized_routine_data", [("linkedin_campaign_routine_id", server.konnector.campaigns[11].id)])),
                ("bad", SandboxHTTP.url(b, "/campaign-info", [("limit","x")])),
            ]
            for (name, url) in urls {
                let r = try await SandboxHTTP.send(url)
                try r.body.write(to: URL(fileURLWithPath: "/tmp/sbx_\(name).json"))
            }
            let r = try await SandboxHTTP.send("POST", SandboxHTTP.url(b, "/create-api-key"), key: SandboxHTTP.adminKey, json: [String: Any]())
            try r.body.write(to: URL(fileURLWithPath: "/tmp/sbx_key.json"))
            let h = try await SandboxHTTP.send("GET", URL(string: b.absoluteString + "/user-campaign-filters")!, key: "zzz")
            try "\(h.status) \(h.headers)".write(toFile: "/tmp/sbx_headers.txt", atomically: true, encoding: .utf8)
        }
    }
}
