import Foundation
import Vendors
import Warehouse

/// Reads a Linked API account: the connection status of the invitations still pending in the
/// ledger (at most `statusChecksPerRun` a run, least recently checked first, several checks to a
/// workflow), in the configured result-handling mode, then the conversations of everyone invited.
/// Acceptance times come from `network.connectionAccepted` deliveries to `etl webhook serve`.
struct LinkedAPIExtractor: SourceExtractor {
    /// Checks chained into one workflow through `then`.
    static let checksPerWorkflow = 20
    /// People per conversations poll.
    static let peoplePerPoll = 50
    /// How long a result link is polled before the run moves on (the check is made again next run).
    static let resultLinkPatience: Duration = .seconds(60)

    func extract(_ session: FetchSession) async throws {
        let source = session.source
        if source.resultHandling == .hook, source.webhookURL == nil {
            throw ExtractError(source: source.name, endpoint: LinkedAPIAPI.workflow.name,
                               cause: .configuration("result_handling = \"hook\" needs webhook_url, where `etl webhook serve` is reached"))
        }
        // The account the run reads, so the transform knows whose invitations these are.
        try session.landPushed(endpoint: "account", parameters: Parameters(),
                               body: Data(#"{"accountId":"\#(source.accountIDs.first ?? source.name)"}"#.utf8))
        let ledger = RequestLedger(warehouse: session.warehouse)
        try syncDeliveredResults(session, ledger: ledger)
        let open = try ledger.openSubjects(source: source.name, limit: source.statusChecksPerRun)
        for start in stride(from: 0, to: open.count, by: Self.checksPerWorkflow) {
            try await check(Array(open[start..<min(open.count, start + Self.checksPerWorkflow)]), session, ledger: ledger)
        }
        try await pollConversations(session, ledger: ledger)
    }

    /// Runs one workflow of connection-status checks, labelled with their ledger ids.
    private func check(_ batch: [TrackedRequest], _ session: FetchSession, ledger: RequestLedger) async throws {
        guard let first = batch.first, let firstURL = first.subject else { return }
        var workflow = Parameters(["actionType": .string("st.checkConnectionStatus"), "personUrl": .string(firstURL), "label": .string(first.id)])
        let rest: [[String: String]] = batch.dropFirst().compactMap { request in
            request.subject.map { ["actionType": "st.checkConnectionStatus", "personUrl": $0, "label": request.id] }
        }
        if !rest.isEmpty { workflow["then"] = .objects(rest) }
        var headers = ["result-handling": session.source.resultHandling.rawValue]
        if let hook = session.source.webhookURL { headers["webhook"] = hook.absoluteString }
        let answer = try await session.fetch(LinkedAPIAPI.workflow, workflow, headers: headers)
        await session.countRows(batch.count)
        var final = answer.json
        if LinkedAPIAPI.isUnfinished(final) {
            if session.source.resultHandling == .hook {
                // The result comes to the webhook receiver; the next run reads it from the raw table.
                for request in batch { try ledger.record(source: session.source.name, requestID: request.id, actionType: "invitation",
                                                         status: nil, replied: nil) }
                return
            }
            guard let link = final.at("progress", "resultLink")?.string, let hash = link.split(separator: "/").last.map(String.init) else {
                throw ExtractError(source: session.source.name, endpoint: LinkedAPIAPI.workflow.name,
                                   cause: .malformedBody("a running workflow without progress.resultLink"))
            }
            guard let done = try await awaitResult(hash: hash, session) else { return }
            final = done
        }
        guard LinkedAPIAPI.status(of: final) != "failed" else {
            // One workflow the vendor refuses (a bad person URL in it) must not stop every run:
            // its checks count as made, so the next run tries the others first.
            let detail = final.at("error", "type")?.string ?? final.at("error", "message")?.string ?? "no reason given"
            session.warn("\(LinkedAPIAPI.workflow.name): a workflow of \(batch.count) checks failed (\(detail)); they are tried again later")
            for request in batch {
                try ledger.record(source: session.source.name, requestID: request.id, actionType: "invitation", status: nil, replied: nil)
            }
            return
        }
        try record(final, session, ledger: ledger)
    }

    /// Polls a result link, backing off, until the workflow is final; nil when patience runs out.
    private func awaitResult(hash: String, _ session: FetchSession) async throws -> JSONValue? {
        var pause = Duration.milliseconds(200)
        var waited = Duration.zero
        while waited < Self.resultLinkPatience {
            try await session.pause(pause, endpoint: LinkedAPIAPI.result.name)
            waited += pause
            let page = try await session.fetch(LinkedAPIAPI.result, Parameters(["hash": .string(hash)]))
            if !LinkedAPIAPI.isUnfinished(page.json) { return page.json }
            pause = min(pause * 2, .seconds(5))
        }
        session.warn("account/results: \(hash) still running after \(Self.resultLinkPatience); checked again next run")
        return nil
    }

    /// Records each check's answer in the ledger (by its label, the ledger id).
    private func record(_ json: JSONValue, _ session: FetchSession, ledger: RequestLedger) throws {
        for result in LinkedAPIAPI.actionResults(of: json) {
            guard let label = result["label"]?.string else { continue }
            let status = result.at("data", "connectionStatus")?.string
                ?? (result["success"]?.bool == false ? result.at("error", "type")?.string : nil)
            try ledger.record(source: session.source.name, requestID: label, actionType: "invitation", status: status, replied: nil)
        }
    }

    /// Results delivered to the webhook receiver since the last run update the ledger, so a
    /// decided invitation is not checked again.
    private func syncDeliveredResults(_ session: FetchSession, ledger: RequestLedger) throws {
        try session.readDeliveries { json in
            if json["completion"] != nil { try record(json, session, ledger: ledger) }
        }
    }

    /// Polls the conversations of everyone invited, since the read window's start.
    private func pollConversations(_ session: FetchSession, ledger: RequestLedger) async throws {
        let people = try ledger.subjects(source: session.source.name).map(\.subject)
        let since = session.source.startDate.map { $0 + "T00:00:00Z" }
        for start in stride(from: 0, to: people.count, by: Self.peoplePerPoll) {
            let batch = people[start..<min(people.count, start + Self.peoplePerPoll)].map { person in
                var entry = ["personUrl": person, "type": "st"]
                if let since { entry["since"] = since }
                return entry
            }
            let page = try await session.fetch(LinkedAPIAPI.conversationsPoll, Parameters(["people": .objects(batch)]))
            await session.countRows(page.json["result"]?.array?.reduce(0) { $0 + ($1["messages"]?.array?.count ?? 0) } ?? 0)
        }
    }
}
