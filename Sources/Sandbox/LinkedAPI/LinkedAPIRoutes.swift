import Foundation

/// The Linked API endpoints as functions from the request to the documented bodies; the
/// conversations endpoint lives in `LinkedAPIRoutes+Conversations.swift`.
struct LinkedAPIRoutes: Sendable {
    let state: LinkedAPIState
    /// What a long poll waits on.
    let clock: SandboxClock

    /// The document's global failure. Assumption: it comes with HTTP 200 (the status is in the body).
    static let invalidWorkflow: JSONValue = [
        "status": "failed",
        "error": [
            "type": "invalidWorkflow",
            "message": "Workflow configuration doesn't meet the constraints of one or more actions.",
        ],
    ]
    static let resultLinkMessage = "Your workflow is running. Please check the resultLink periodically."
    static let webhookMessage = "Your workflow is running. The result will be sent to the webhook."
    /// How often a long-polling answer looks at its workflow, at most.
    static let longPollInterval = 0.05

    /// `POST /account/workflow`: a bad `result-handling` / `webhook` header or a body that is not a
    /// valid action object is `invalidWorkflow` at once, whatever the mode.
    func workflow(_ request: SandboxHTTPRequest) async -> JSONValue {
        guard let handling = LinkedAPIResultHandling(
                  resultHandling: request.header("result-handling"), webhook: request.header("webhook")),
              let json = JSONValue.decode(request.body), let action = LinkedAPIAction(json)
        else { return Self.invalidWorkflow }
        let workflow = await state.submit(action, handling: handling)
        switch handling {
        case .long:
            return await waitForCompletion(workflow.id) ?? Self.invalidWorkflow
        case .reslink:
            return ["status": "running", "progress": [
                "message": .string(Self.resultLinkMessage),
                "resultLink": .string(await resultLink(workflow.hash, request)),
            ]]
        case .hook:
            return ["status": "running", "progress": [
                "message": .string(Self.webhookMessage), "webhook": .optional(request.header("webhook")),
            ]]
        }
    }

    /// `{"status": "completed", "completion": ...}` once the workflow finished; nil when the
    /// request was cancelled first (the client went away).
    private func waitForCompletion(_ id: String) async -> JSONValue? {
        while !Task.isCancelled {
            switch await state.progress(workflowID: id) {
            case .completed(_, let completion)?:
                return ["status": "completed", "completion": completion]
            case .running(_, let remaining)?:
                let wait = max(0.002, min(Self.longPollInterval, remaining + 0.001))
                await clock.sleep(for: .milliseconds(Int(wait * 1000)))
            case nil:
                return nil
            }
        }
        return nil
    }

    /// `GET /account/results/{hash}`: running (with the progress object) or completed, each with
    /// `workflowId`; 404 `workflowNotFound` for an unknown hash.
    func result(hash: String, request: SandboxHTTPRequest) async throws(LinkedAPIError) -> JSONValue {
        switch await state.progress(hash: hash) {
        case .completed(let id, let completion)?:
            return ["status": "completed", "workflowId": .string(id), "completion": completion]
        case .running(let id, _)?:
            return ["status": "running", "workflowId": .string(id), "progress": [
                "message": .string(Self.resultLinkMessage), "resultLink": .string(await resultLink(hash, request)),
            ]]
        case nil:
            throw .workflowNotFound
        }
    }

    /// `http://<Host header>/linkedapi/account/results/<hash>`; from the server's base URL when the
    /// request carries no `Host` header (the HTTP layer may have moved it out of the headers).
    private func resultLink(_ hash: String, _ request: SandboxHTTPRequest) async -> String {
        let base: String
        if let host = request.header("Host") {
            base = "http://" + host
        } else if let url = await state.baseURL {
            base = url.absoluteString
        } else {
            base = "http://127.0.0.1"
        }
        return base + LinkedAPIVendor.pathPrefix + LinkedAPIVendor.resultsPath + hash
    }
}
