import Foundation
import Sandbox
import Testing

/// The Linked API workflow endpoint and its three result-handling modes, authentication and routing.
@Suite struct LinkedAPITests {
    typealias HTTP = LinkedAPIHTTP

    static var invalidWorkflow: [String: Any] { [
        "status": "failed",
        "error": [
            "type": "invalidWorkflow",
            "message": "Workflow configuration doesn't meet the constraints of one or more actions.",
        ],
    ] }

    /// A person the dataset says is connected.
    static func connected(_ server: SandboxServer) throws -> LinkedAPIInvitation {
        try #require(server.linkedAPI.invitations.first { $0.acceptedAt != nil })
    }

    @Test func bothTokensAreRequiredAndRoutingComesFirst() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let body = ["actionType": "st.checkConnectionStatus", "personUrl": "https://www.linkedin.com/in/x"]
            let cases: [([String: String], String)] = [
                ([:], "invalidLinkedApiToken"),
                (["identification-token": HTTP.identification], "invalidLinkedApiToken"),
                (["linked-api-token": "wrong", "identification-token": HTTP.identification], "invalidLinkedApiToken"),
                (["linked-api-token": HTTP.token], "invalidIdentificationToken"),
                (["linked-api-token": HTTP.token, "identification-token": "wrong"], "invalidIdentificationToken"),
            ]
            for (headers, type) in cases {
                for endpoint in ["/account/workflow", "/account/conversations/poll"] {
                    let result = try await HTTP.send("POST", server, endpoint, headers: headers, json: body)
                    #expect(result.status == 401, "\(endpoint) \(headers)")
                    #expect(result.json?["success"] as? Bool == false)
                    #expect(result.json?.object("error")?.string("type") == type)
                    #expect(result.json?.object("error")?.string("message")?.isEmpty == false)
                }
                let link = try await HTTP.send("GET", server, "/account/results/abc", headers: headers)
                #expect(link.status == 401)
            }

            let unknown = try await HTTP.send("GET", server, "/account/nothing-here", headers: [:])
            #expect(unknown.status == 404)
            #expect(unknown.json?["success"] as? Bool == false)
            let wrongMethod = try await HTTP.send("GET", server, "/account/workflow", headers: [:])
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "POST")
            #expect(wrongMethod.json?.object("error")?.string("type") != nil)
            let postToResults = try await HTTP.send("POST", server, "/account/results/abc")
            #expect(postToResults.status == 405)
        }
    }

    @Test func longModeHoldsTheAnswerUntilTheWorkflowFinishes() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(workflowDelay: .milliseconds(300))) { server in
            let person = try Self.connected(server)
            let time = server.configuration.clock.time
            let started = time.now()
            for handling in [nil, "long"] as [String?] {
                let result = try await HTTP.workflow(server, [
                    "actionType": "st.checkConnectionStatus", "personUrl": person.personURL, "label": "first",
                ], handling: handling)
                #expect(result.status == 200)
                let expected: [String: Any] = [
                    "status": "completed",
                    "completion": [
                        "actionType": "st.checkConnectionStatus", "label": "first", "success": true,
                        "data": ["connectionStatus": "connected"],
                    ],
                ]
                #expect(canonicalJSON(result.body) == canonicalJSON(value: expected))
            }
            #expect(time.now() - started >= .milliseconds(600), "each answer waited for its workflow")

            // Without a label the result has none.
            let unlabelled = try await HTTP.complete(server, [
                "actionType": "st.checkConnectionStatus", "personUrl": person.personURL,
            ]) as? [String: Any]
            #expect(unlabelled?.keys.sorted() == ["actionType", "data", "success"])
        }
    }

    @Test func thenGivesAnArrayInDepthFirstOrder() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let member = try #require(server.linkedAPI.members.first).personURL
            let person = try Self.connected(server).personURL
            let completion = try await HTTP.complete(server, [
                "actionType": "st.checkConnectionStatus", "personUrl": member, "label": "root",
                "then": [
                    [
                        "actionType": "st.sendConnectionRequest", "personUrl": member, "note": "Hi!", "label": "a",
                        "then": ["actionType": "st.checkConnectionStatus", "personUrl": member, "label": "a1"],
                    ],
                    ["actionType": "st.sendConnectionRequest", "personUrl": member, "label": "b"],
                    ["actionType": "st.sendMessage", "personUrl": person, "text": "Hello there", "label": "c"],
                ],
            ])
            let results = try #require(completion as? [[String: Any]])
            #expect(results.map { $0.string("label") } == ["root", "a", "a1", "b", "c"])
            #expect(results.map { $0.string("actionType") } == [
                "st.checkConnectionStatus", "st.sendConnectionRequest", "st.checkConnectionStatus",
                "st.sendConnectionRequest", "st.sendMessage",
            ])
            #expect(results.map(HTTP.outcome) == ["notConnected", nil, "pending", "alreadyPending", nil])
            #expect(results.map { $0["success"] as? Bool } == [true, true, true, false, true])
            #expect(results[1].object("data")?.isEmpty == true)
            #expect(results[1]["error"] == nil)
            #expect(results[3].object("error")?.string("message")?.isEmpty == false)

            // A single `then` object also gives an array.
            let single = try await HTTP.complete(server, [
                "actionType": "st.checkConnectionStatus", "personUrl": person,
                "then": ["actionType": "st.checkConnectionStatus", "personUrl": member],
            ])
            #expect((single as? [[String: Any]])?.map(HTTP.outcome) == ["connected", "pending"])
        }
    }

    @Test func resultLinkIsRunningThenCompleted() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(workflowDelay: .milliseconds(400))) { server in
            let person = try Self.connected(server).personURL
            let workflow: [String: Any] = ["actionType": "st.checkConnectionStatus", "personUrl": person, "label": "x"]
            let started = try await HTTP.workflow(server, workflow, handling: "reslink")
            #expect(started.status == 200)
            let body = try #require(started.json)
            #expect(body.keys.sorted() == ["progress", "status"])
            #expect(body.string("status") == "running")
            let progress = try #require(body.object("progress"))
            #expect(progress.keys.sorted() == ["message", "resultLink"])
            #expect(progress.string("message") == "Your workflow is running. Please check the resultLink periodically.")
            let link = try #require(progress.string("resultLink"))
            let prefix = server.linkedAPIBaseURL.absoluteString + "/account/results/"
            #expect(link.hasPrefix(prefix), "\(link)")
            #expect(link.count > prefix.count)

            let running = try await HTTP.send("GET", try requireURL(link))
            #expect(running.status == 200)
            #expect(running.json?.string("status") == "running")
            let workflowID = try #require(running.json?.string("workflowId"))
            #expect(UUID(uuidString: workflowID) != nil)
            #expect(running.json?["completion"] == nil)

            var final: [String: Any] = [:]
            try await server.eventually(.seconds(5), "completion") {
                final = try await HTTP.send("GET", try requireURL(link)).json ?? [:]
                return final.string("status") != "running"
            }
            let expected: [String: Any] = [
                "status": "completed", "workflowId": workflowID,
                "completion": [
                    "actionType": "st.checkConnectionStatus", "label": "x", "success": true,
                    "data": ["connectionStatus": "connected"],
                ],
            ]
            #expect(canonicalJSON(value: final) == canonicalJSON(value: expected))
            // It stays readable.
            let again = try await HTTP.send("GET", try requireURL(link))
            #expect(canonicalJSON(again.body) == canonicalJSON(value: expected))

            let unknown = try await HTTP.send("GET", server, "/account/results/0123456789abcdef")
            #expect(unknown.status == 404)
            #expect(unknown.json?.string("status") == "failed")
            #expect(unknown.json?.object("error")?.string("type") == "workflowNotFound")
        }
    }

    @Test func hookModeAnswersAtOnceAndPostsTheResult() async throws {
        try await TestWebhookReceiver.with { receiver in
            try await SandboxHTTP.withServer(HTTP.fast(workflowDelay: .milliseconds(200))) { server in
                let person = try Self.connected(server).personURL
                let hook = receiver.url.absoluteString
                let started = try await HTTP.workflow(server, [
                    "actionType": "st.checkConnectionStatus", "personUrl": person,
                    "then": [["actionType": "st.sendConnectionRequest", "personUrl": person, "label": "again"]],
                ], handling: "hook", webhook: hook)
                let expected: [String: Any] = [
                    "status": "running",
                    "progress": ["message": "Your workflow is running. The result will be sent to the webhook.",
                                 "webhook": hook],
                ]
                #expect(canonicalJSON(started.body) == canonicalJSON(value: expected))
                #expect(await receiver.inbox.bodies.isEmpty)

                await server.advanceTime(by: .seconds(1))
                let calls = await receiver.objects()
                #expect(calls.count == 1)
                let call = try #require(calls.first)
                #expect(call.keys.sorted() == ["completion", "status", "workflowId"])
                #expect(call.string("status") == "completed")
                #expect(UUID(uuidString: call.string("workflowId") ?? "") != nil)
                let results = try #require(call["completion"] as? [[String: Any]])
                #expect(results.map(HTTP.outcome) == ["connected", "alreadyConnected"])
                #expect(results.last?.string("label") == "again")
                // Account events never go to a workflow's webhook.
                #expect(await server.linkedAPIWebhooks.registeredURL == nil)
            }
        }
    }

    @Test func anInvalidWorkflowFailsAtOnceWithTheDocumentedBody() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(workflowDelay: .seconds(5))) { server in
            let url = "https://www.linkedin.com/in/someone"
            let check: [String: Any] = ["actionType": "st.checkConnectionStatus", "personUrl": url]
            let cases: [(Any?, Data?, String?, String?, String)] = [
                (nil, Data("not json".utf8), nil, nil, "not JSON"),
                (nil, Data(), nil, nil, "empty body"),
                ([check], nil, nil, nil, "an array"),
                (["actionType": "st.doSomethingElse", "personUrl": url], nil, nil, nil, "unknown action"),
                (["personUrl": url], nil, nil, nil, "no actionType"),
                (["actionType": "st.checkConnectionStatus"], nil, nil, nil, "no personUrl"),
                (["actionType": "st.checkConnectionStatus", "personUrl": ""], nil, nil, nil, "empty personUrl"),
                (["actionType": "st.checkConnectionStatus", "personUrl": 7], nil, nil, nil, "personUrl not text"),
                (["actionType": "st.sendMessage", "personUrl": url], nil, nil, nil, "no text"),
                (["actionType": "st.sendConnectionRequest", "personUrl": url, "note": 3], nil, nil, nil, "bad note"),
                (check.merging(["label": 5]) { $1 }, nil, nil, nil, "label not text"),
                (check.merging(["then": [["actionType": "nope"]]]) { $1 }, nil, nil, nil, "bad then"),
                (check.merging(["then": "st.sendMessage"]) { $1 }, nil, nil, nil, "then not an object"),
                (check, nil, "fast", nil, "unknown result-handling"),
                (check, nil, "hook", nil, "hook without webhook"),
                (check, nil, "hook", "not a url", "hook with a relative webhook"),
                (check, nil, "hook", "ftp://example.com/x", "hook with an ftp webhook"),
            ]
            let time = server.configuration.clock.time
            let started = time.now()
            for (json, body, handling, webhook, what) in cases {
                var headers = HTTP.auth
                if let handling { headers["result-handling"] = handling }
                if let webhook { headers["webhook"] = webhook }
                let result = try await HTTP.send(
                    "POST", server, "/account/workflow", headers: headers, json: json, body: body)
                #expect(result.status == 200, "\(what)")
                #expect(canonicalJSON(result.body) == canonicalJSON(value: Self.invalidWorkflow), "\(what)")
            }
            // None of them waited for the (5 s) workflow delay.
            #expect(time.now() == started)
        }
    }
}
