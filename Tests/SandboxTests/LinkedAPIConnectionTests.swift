import Foundation
import Sandbox
import Testing

/// `st.checkConnectionStatus`, `st.sendConnectionRequest` and `st.sendMessage` against the dataset's
/// truth, and person URLs in every form.
@Suite struct LinkedAPIConnectionTests {
    typealias HTTP = LinkedAPIHTTP

    @Test func checkConnectionStatusTellsTheDatasetsTruth() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.linkedAPI
            let accepted = data.invitations.filter { $0.acceptedAt != nil }
            let pending = data.invitations.filter { $0.isPending && !$0.acceptsLive }
            let live = data.liveInvitations
            let withdrawn = data.invitations.filter(\.withdrawn)
            #expect(!accepted.isEmpty && !pending.isEmpty && !live.isEmpty && !withdrawn.isEmpty)
            let unknownMember = "https://www.linkedin.com/in/nobody-the-sandbox-knows-0000"
            let firstSlug = try #require(accepted.first).slug
            var cases: [(String, String)] = accepted.map { ($0.personURL, "connected") }
            cases += pending.map { ($0.personURL, "pending") }
            cases += live.map { ($0.personURL, "pending") }
            cases += withdrawn.map { ($0.personURL, "notConnected") }
            cases += data.members.map { ($0.personURL, "notConnected") }
            cases += [
                (unknownMember, "personNotFound"),
                ("https://www.example.com/in/\(firstSlug)", "personNotFound"),
                ("https://www.linkedin.com/company/\(firstSlug)", "personNotFound"),
                ("not a url at all", "personNotFound"),
            ]
            let results = try await HTTP.statuses(server, cases.map(\.0))
            for ((url, expected), result) in zip(cases, results) {
                #expect(HTTP.outcome(result) == expected, "\(url)")
                // The dataset's own helper agrees.
                let truth = data.connectionStatus(ofPersonURL: url)?.rawValue ?? "personNotFound"
                #expect(truth == expected, "\(url)")
            }
            let failed = try #require(results.last)
            #expect(failed["success"] as? Bool == false)
            #expect(failed.object("error")?.keys.sorted() == ["message", "type"])
            #expect(failed.object("data")?.isEmpty == true)
        }
    }

    @Test func everyFormOfAProfileURLNamesTheSamePerson() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.linkedAPI
            // ASCII, so that upper case maps back to the same slug.
            let connected = try #require(data.invitations.first { $0.acceptedAt != nil && $0.slug.allSatisfy(\.isASCII) })
            let slug = connected.slug
            let encoded = try #require(slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let forms = [
                "https://www.linkedin.com/in/\(slug)",
                "https://www.linkedin.com/in/\(slug)/",
                "http://linkedin.com/in/\(slug)",
                "linkedin.com/in/\(slug)",
                "www.linkedin.com/in/\(slug)/?utm_source=share&utm_medium=member_ios",
                "https://de.linkedin.com/in/\(slug)/de/",
                "https://m.linkedin.com/in/\(slug)#experience",
                "https://www.linkedin.com/in/\(slug.uppercased())",
                "https://WWW.LinkedIn.com/in/\(encoded)/pt-br",
                " https://www.linkedin.com/in/\(slug)/en_US/ ",
            ]
            for form in forms { #expect(LinkedAPIPersonURL.slug(form) == slug, "\(form)") }
            let results = try await HTTP.statuses(server, forms)
            #expect(results.map(HTTP.outcome) == Array(repeating: "connected", count: forms.count))

            // The dataset writes URLs in varied forms, each naming its own slug.
            let urls = data.invitations.map(\.personURL) + data.members.map(\.personURL)
            #expect(urls.contains { $0.hasSuffix("/") })
            #expect(urls.contains { $0.contains("?utm_source=share") })
            #expect(urls.contains { $0.hasSuffix("/de/") })
            #expect(urls.contains { $0.hasPrefix("https://linkedin.com/") })
            #expect(urls.contains { $0.contains("%") })
            #expect(urls.contains { url in url.split(separator: "/").last.map { $0 != $0.lowercased() } ?? false })
            for invitation in data.invitations {
                #expect(LinkedAPIPersonURL.slug(invitation.personURL) == invitation.slug, "\(invitation.personURL)")
            }
            for member in data.members { #expect(LinkedAPIPersonURL.slug(member.personURL) == member.slug) }

            for notAProfile in [
                "https://www.linkedin.com/in/", "https://www.linkedin.com/in/\(slug)/details/experience/",
                "https://www.linkedin.com/pub/\(slug)", "https://notlinkedin.com/in/\(slug)",
                "ftp://www.linkedin.com/in/\(slug)", "",
            ] {
                #expect(LinkedAPIPersonURL.slug(notAProfile) == nil, "\(notAProfile)")
            }
        }
    }

    @Test func sendingChangesWhatLaterWorkflowsSee() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.linkedAPI
            let withdrawn = try #require(data.invitations.first { $0.withdrawn })
            let pending = try #require(data.invitations.first { $0.isPending && !$0.acceptsLive })
            let connected = try #require(data.invitations.first { $0.acceptedAt != nil })
            // Another form of the withdrawn person's URL than the dataset's.
            let otherForm = "https://www.linkedin.com/in/\(withdrawn.slug)/"
            let first = try #require(try await HTTP.complete(server, [
                "actionType": "st.sendConnectionRequest", "personUrl": otherForm,
                "then": [
                    ["actionType": "st.checkConnectionStatus", "personUrl": withdrawn.personURL],
                    ["actionType": "st.sendMessage", "personUrl": withdrawn.personURL, "text": "hi"],
                    ["actionType": "st.sendMessage", "personUrl": pending.personURL, "text": "hi"],
                    ["actionType": "st.sendConnectionRequest", "personUrl": connected.personURL],
                    ["actionType": "st.sendConnectionRequest", "personUrl": "https://www.linkedin.com/in/ghost-0"],
                ],
            ]) as? [[String: Any]])
            #expect(first.map(HTTP.outcome) == [nil, "pending", "notConnected", "notConnected", "alreadyConnected",
                                                 "personNotFound"])
            #expect(first.first?["success"] as? Bool == true)

            // A message to a connection appears in the conversation poll.
            let before = data.messages(ofPersonURL: connected.personURL)
            let sent = try #require(try await HTTP.complete(server, [
                "actionType": "st.sendMessage", "personUrl": connected.personURL, "text": "Quick follow-up, \"again\"",
            ]) as? [String: Any])
            #expect(sent["success"] as? Bool == true)
            let poll = try await HTTP.send("POST", server, "/account/conversations/poll", json: [
                ["personUrl": connected.personURL, "type": "st"],
            ])
            let messages = try #require(poll.json?.objects("result")?.first?.objects("messages"))
            #expect(messages.count == before.count + 1)
            let last = try #require(messages.last)
            #expect(last.string("sender") == "us")
            #expect(last.string("text") == "Quick follow-up, \"again\"")
            if let thread = before.first?.threadId { #expect(last.string("threadId") == thread) }
            #expect(last.string("time")?.hasSuffix("Z") == true)
        }
    }
}
