import Extract
import Foundation
import GRDB
import Pipeline
import Sandbox
import Vendors
import Warehouse

/// Lands WeConnect's thread pages straight from the sandbox, for the scales whose one request per
/// thread is more than loopback HTTP carries in the bench's time. Each `ln/thread` answer comes from
/// `SandboxServer.answer` (the emulator's own response building: byte for byte what HTTP serves)
/// and is landed as the extractor lands it (endpoint, method, canonical parameters, content type,
/// content hash), a user's pages in one transaction, each thread's listing fingerprint in
/// `extract_state`. The product's extractor then runs in-process over the same sandbox: it logs
/// in, lists every page, finds every thread read already and polls the ledger, so what it lands,
/// records and counts is its own.
///
/// `check` compares this landing with the extractor's own over HTTP: the bench runs it at its
/// smallest scale read over HTTP, and the results say what it found.
struct WeConnectThreadLanding {
    let server: SandboxServer
    let warehouse: Warehouse

    /// The fingerprint the extractor keeps of a listed thread (`WeConnectExtractor.readThreads`):
    /// `time_stamp` and `last_message`, `time` ("4 days ago") left out. Checked by `check`.
    static func fingerprint(_ entry: JSONValue) -> String {
        [entry["time_stamp"]?.string, entry["last_message"]?.string].map { $0 ?? "" }.joined(separator: "\u{1F}")
    }

    /// Lands every thread of one user's source in run `runID`; returns the pages landed.
    // Not optimised: the release compiler (Swift 6.3.1) crashes splitting this async function (LLVM CoroSplit).
    @_optimize(none)
    func land(_ source: SourceConfiguration, email: String, password: String, runID: Int64) async throws -> Int {
        let base = source.baseURL.absoluteString
        func url(_ endpoint: Endpoint, query: String = "") throws -> URL {
            guard let url = URL(string: base + endpoint.path + query) else {
                throw ChildProcess.Failure(description: "\(source.name): no URL for \(endpoint.name)")
            }
            return url
        }
        func succeeded(_ answer: SandboxAnswer, _ endpoint: Endpoint) throws {
            guard (200..<300).contains(answer.status) else {
                throw ChildProcess.Failure(description: "\(source.name): \(endpoint.name) answered HTTP \(answer.status)")
            }
        }
        func json(_ answer: SandboxAnswer, _ endpoint: Endpoint) throws -> JSONValue {
            try succeeded(answer, endpoint)
            return try JSONValue.parse(answer.body)
        }
        let jsonHeaders = ["Accept": "application/json", "Content-Type": "application/json"]
        // Looks the extractor makes itself afterwards (and lands): not logged as calls of this landing.
        let login = try await server.answer(
            method: WeConnectAPI.login.method.rawValue, url: url(WeConnectAPI.login), headers: jsonHeaders,
            body: Parameters(["email": .string(email), "password": .secret(password)]).jsonBody, logged: false)
        guard let token = try json(login, WeConnectAPI.login).at("success", "token")?.string else {
            throw ChildProcess.Failure(description: "\(source.name): no token in the login answer")
        }
        var headers = jsonHeaders
        headers["Authorization"] = "Bearer \(token)"
        var listed: [(itemID: String, fingerprint: String)] = []
        var page = 1
        var pages = 1
        repeat {
            let answer = try await server.answer(method: WeConnectAPI.messages.method.rawValue,
                                                 url: url(WeConnectAPI.messages, query: "?page=\(page)"), headers: headers, logged: false)
            let listing = try json(answer, WeConnectAPI.messages)
            let entries = listing["data"]?.array ?? []
            for entry in entries {
                if let id = entry["thread"]?.string { listed.append((id, Self.fingerprint(entry))) }
            }
            pages = entries.isEmpty ? page : Int(listing.at("meta", "pages")?.int ?? Int64(page))
            page += 1
        } while page <= pages

        // The calls the extractor would make for these threads: logged, and landed as it lands them.
        var rows: [RawPage] = []
        rows.reserveCapacity(listed.count)
        for thread in listed {
            let parameters = Parameters(["thread": .string(thread.itemID)])
            let answer = try await server.answer(method: WeConnectAPI.thread.method.rawValue, url: url(WeConnectAPI.thread),
                                                 headers: headers, body: parameters.jsonBody)
            // Not parsed, as the extractor parses it: the emulator's bodies are its own JSON writer's, and `check`
            // compares them with what the extractor landed.
            try succeeded(answer, WeConnectAPI.thread)
            rows.append(Self.threadPage(status: answer.status, contentType: answer.headers.first { $0.name == "Content-Type" }?.value,
                                        body: answer.body, parameters: parameters.canonicalJSON, source: source, runID: runID))
        }
        let landed = rows
        try await warehouse.pool.write { db in
            for row in landed { try row.insert(db) }
        }
        try ExtractState(warehouse: warehouse, source: source.name, itemKind: "thread").record(listed)
        return rows.count
    }

    /// A thread page as the extractor lands it (kept out of `land`, which is not optimised).
    private static func threadPage(status: Int, contentType: String?, body: Data, parameters: String, source: SourceConfiguration,
                                   runID: Int64) -> RawPage {
        RawPage(runID: runID, source: source.name, kind: source.kind.rawValue, endpoint: WeConnectAPI.thread.name,
                method: WeConnectAPI.thread.method.rawValue, parameters: parameters, httpStatus: status, contentType: contentType,
                fetchedAt: Timestamp.string(Date()), body: body, contentHash: ContentHash.hex(body))
    }

    /// What `check` found: how many of the extractor's thread pages and fingerprints this landing
    /// reproduced exactly.
    struct Check: Sendable {
        var pages = 0
        var identicalPages = 0
        /// Pages whose only difference is a message's `time` ("5 minutes ago"), which moves with the
        /// clock between the extractor's read and this one.
        var agedPages = 0
        var fingerprints = 0
        var identicalFingerprints = 0

        var identical: Bool {
            pages > 0 && identicalPages + agedPages == pages && fingerprints == identicalFingerprints
        }
    }

    /// Lands `sources` into a scratch warehouse and compares its thread pages (method, status,
    /// content type, body) and fingerprints with those the extractor landed over HTTP in `extracted`.
    static func check(server: SandboxServer, extracted: Warehouse, scratch: URL,
                      sources: [(source: SourceConfiguration, email: String, password: String)]) async throws -> Check {
        let warehouse = try Warehouse(url: scratch)
        let landing = WeConnectThreadLanding(server: server, warehouse: warehouse)
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "check")
        for user in sources { _ = try await landing.land(user.source, email: user.email, password: user.password, runID: runID) }
        /// Each thread page by source and parameters: what the request was, then what came back.
        func pages(_ warehouse: Warehouse) throws -> [String: (head: String, body: Data)] {
            try warehouse.pool.read { db in
                var pages: [String: (head: String, body: Data)] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT source, parameters, method || ' ' || http_status || ' ' || coalesce(content_type, '') AS head, body
                    FROM raw_page WHERE endpoint = ?
                    """, arguments: [WeConnectAPI.thread.name]) {
                    pages[(row["source"] as String) + "\u{1F}" + (row["parameters"] as String)] = (row["head"], row["body"])
                }
                return pages
            }
        }
        func fingerprints(_ warehouse: Warehouse) throws -> [String] {
            try warehouse.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT source || char(31) || item_id || char(31) || fingerprint FROM extract_state WHERE item_kind = 'thread' ORDER BY 1
                    """)
            }
        }
        var check = Check()
        let ours = try pages(warehouse)
        for (key, theirs) in try pages(extracted) {
            check.pages += 1
            guard let mine = ours[key], mine.head == theirs.head else { continue }
            if mine.body == theirs.body {
                check.identicalPages += 1
            } else if let a = try? JSONValue.parse(mine.body), let b = try? JSONValue.parse(theirs.body),
                      withoutAges(a) == withoutAges(b) {
                check.agedPages += 1
            }
        }
        let (theirPrints, ourPrints) = (try fingerprints(extracted), Set(try fingerprints(warehouse)))
        check.fingerprints = theirPrints.count
        check.identicalFingerprints = theirPrints.filter(ourPrints.contains).count
        return check
    }

    /// `json` without the messages' relative `time`.
    private static func withoutAges(_ json: JSONValue) -> JSONValue {
        switch json {
        case .object(let object):
            var copy = object
            copy["time"] = nil
            return .object(copy.mapValues(withoutAges))
        case .array(let items):
            return .array(items.map(withoutAges))
        default:
            return json
        }
    }
}
