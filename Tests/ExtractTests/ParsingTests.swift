import Chronology
@testable import Extract
import Foundation
import Testing
import Warehouse

/// The small parsers the extractors lean on.
@Suite struct ParsingTests {
    @Test func jsonParserReadsEveryKindOfValue() throws {
        let json = try JSONValue.parse(Data(#"{"a":[1,2.5,-3e2],"b":true,"c":null,"d":"x\"y\u00e9\ud83d\ude00","e":{"f":"1"}}"#.utf8))
        #expect(json["a"]?[0]?.int == 1)
        #expect(json["a"]?[1]?.double == 2.5)
        #expect(json["a"]?[2]?.int == -300)
        #expect(json["b"] == .bool(true))
        #expect(json["c"] == .null)
        #expect(json["d"]?.string == "x\"yé😀")
        #expect(json.at("e", "f")?.int == 1)
    }

    @Test func longNumericIdsKeepEveryDigit() throws {
        let json = try JSONValue.parse(Data(#"{"thread":7123456789012345678,"count":12}"#.utf8))
        #expect(json["thread"]?.string == "7123456789012345678")
        #expect(json["count"]?.int == 12)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":}", "tru", "{\"a\":1} x", "\"\u{01}\""])
    func jsonParserRejectsBrokenInput(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test(arguments: [("[", "]"), ("{\"a\":", "}")])
    func jsonNestedDeeperThan128LevelsIsAParseErrorNotACrash(open: String, close: String) throws {
        let fits = String(repeating: open, count: 128) + "1" + String(repeating: close, count: 128)
        #expect(throws: Never.self) { try JSONValue.parse(Data(fits.utf8)) }
        for depth in [129, 100_000] {
            let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            #expect {
                try JSONValue.parse(Data(text.utf8))
            } throws: { error in
                (error as? JSONValue.ParseError)?.reason
                    == "not valid JSON at byte \(128 * open.utf8.count): arrays and objects nested deeper than 128 levels"
            }
        }
    }

    @Test func queryValuesArePercentEncodedStrictly() {
        #expect(FetchSession.encode("ab+c/d=") == "ab%2Bc%2Fd%3D")
        #expect(FetchSession.encode("a b&c") == "a%20b%26c")
    }

    @Test func offsetPaginatorFollowsTheVendorsSignals() {
        let paginator = OffsetPaginator(itemsPath: ["items"], paginationPath: ["pagination"])
        let first = Parameters(["limit": .integer(2), "offset": .integer(0)])
        let full: JSONValue = .object(["items": .array([.number(1), .number(2)]),
                                       "pagination": .object(["current_page": .number(1), "total_pages": .number(2)])])
        #expect(paginator.next(after: first, page: full)?["offset"] == .integer(2))
        let last: JSONValue = .object(["items": .array([.number(1), .number(2)]),
                                       "pagination": .object(["current_page": .number(2), "total_pages": .number(2)])])
        #expect(paginator.next(after: first, page: last) == nil)
        let short: JSONValue = .object(["items": .array([.number(1)])])
        #expect(paginator.next(after: first, page: short) == nil)
        let noNext: JSONValue = .object(["items": .array([.number(1), .number(2)]), "pagination": .object(["next_page_url": .null])])
        #expect(paginator.next(after: first, page: noNext) == nil)
    }

    @Test func vendorTimestampsBecomeUTC() {
        #expect(Timestamp.utc(fromVendor: "2025-05-11T14:30:45+05:30") == "2025-05-11T09:00:45Z")
        #expect(Timestamp.utc(fromVendor: "2025-05-11T14:30:45Z") == "2025-05-11T14:30:45Z")
        #expect(Timestamp.utc(fromVendor: "2025-05-11T00:10:00.250-0200") == "2025-05-11T02:10:00Z")
        #expect(Timestamp.utc(fromVendor: "4 days ago") == nil)
        #expect(Timestamp.day(fromVendor: "2025-05-01") == "2025-05-01")
        #expect(Timestamp.day(fromVendor: "2025-05-01T02:00:00+05:30") == "2025-04-30")
        #expect(Timestamp.day(fromVendor: "2025-02-30") == nil)
    }

    @Test func epochSecondsAreWrittenAsFoundationWritesThem() {
        let foundation = { (seconds: Double) in
            Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        }
        var cases: [Double] = [0, -0.5, -1, 0.999, 1_714_555_807.75, 951_782_400, -11_676_096_000, -11_676_096_001, 253_402_300_799, 4e12, -1e15,
                               .infinity, -.infinity, .nan]
        var generator = SystemRandomNumberGenerator()
        cases += (0..<2_000).map { _ in Double.random(in: -3e10...3e10, using: &generator) }
        for seconds in cases where seconds.isFinite {
            #expect(Timestamp.utc(fromEpoch: seconds) == foundation(seconds), "\(seconds)")
        }
        for seconds in cases where !seconds.isFinite {
            _ = Timestamp.utc(fromEpoch: seconds) // no trap on what a hostile vendor may send
        }
    }
}

/// The rate budget's pacing, on virtual time: its waits are recorded, not slept.
@Suite struct RateBudgetTests {
    @Test func waitsForTheWindowOnlyWhenTheVendorSaysNoneRemain() async throws {
        let time = ManualTime()
        let budget = RateBudget(window: .seconds(60), time: time)
        try await budget.acquire()
        await budget.observe(limit: 3, remaining: 2, remainingToday: 100)
        try await budget.acquire()
        await budget.observe(limit: 3, remaining: 1, remainingToday: 99)
        #expect(time.waits.isEmpty)
        try await budget.acquire()
        await budget.observe(limit: 3, remaining: 0, remainingToday: 98)
        try await budget.acquire()
        #expect(time.waits == [.seconds(60) + .seconds(60) / 50], "the whole window from its first answer, and a margin")
        #expect(await budget.reportedRemainingToday == 98)
    }

    @Test func knownLimitPacesEvenWithoutHeaders() async throws {
        let time = ManualTime()
        let budget = RateBudget(window: .seconds(10), limitPerWindow: 2, time: time)
        try await budget.acquire()
        time.advance(by: .seconds(4))
        try await budget.acquire()
        #expect(time.waits.isEmpty)
        try await budget.acquire()
        let margin = Duration.seconds(10) / 50
        #expect(time.waits == [.seconds(6) + margin], "until the first request, 4 s before, is 10 s old")
        try await budget.acquire()
        #expect(time.waits == [.seconds(6) + margin, .milliseconds(3_800) + margin], "then until the second one is")
        time.advance(by: .seconds(11))
        try await budget.acquire()
        #expect(time.waits.count == 2, "a window that passed while nothing was asked needs no wait")
    }
}

/// Paging and rate-limit answers shaped unlike the sandbox's, as a real vendor may send them.
@Suite struct VendorVariationTests {
    @Test func aNextLinkWinsOverAnInconsistentTotal() {
        // konnector.md's own example: 8 campaigns in all, yet 4 pages of 10 and a next link.
        let paginator = OffsetPaginator(itemsPath: ["items"], paginationPath: ["pagination"], totalPath: ["total"])
        let first = Parameters(["limit": .integer(2), "offset": .integer(0)])
        let page: JSONValue = .object(["items": .array([.number(1), .number(2)]), "total": .number(1),
                                       "pagination": .object(["next_page_url": .string("/x?offset=2"), "current_page": .number(1),
                                                              "total_pages": .number(4)])])
        #expect(paginator.next(after: first, page: page)?["offset"] == .integer(2))
        let noBlock: JSONValue = .object(["items": .array([.number(1)]), "total": .number(3)])
        #expect(paginator.next(after: first, page: noBlock)?["offset"] == .integer(1), "a vendor capping the limit is followed to the total")
        let done: JSONValue = .object(["items": .array([.number(1)]), "total": .number(1)])
        #expect(paginator.next(after: first, page: done) == nil)
    }

    @Test func pagesWithoutMetaGoOnUntilAnEmptyPage() {
        let paginator = PagePaginator(itemsPath: ["data"], metaPath: ["meta"])
        let first = Parameters(["page": .integer(1)])
        #expect(paginator.next(after: first, page: .object(["data": .array([.number(1)])]))?["page"] == .integer(2))
        #expect(paginator.next(after: first, page: .object(["data": .array([])])) == nil)
        let last: JSONValue = .object(["data": .array([.number(1)]), "meta": .object(["page": .number(3), "pages": .number(3)])])
        #expect(paginator.next(after: first, page: last) == nil)
    }

    @Test func retryAfterIsReadInTheUnitsItCanBe() {
        func answer(_ message: String, _ retry: Double, remainingDay: Int = 10) -> RateLimitAnswer {
            RateLimitAnswer(HTTPResponse(status: 429, headers: [:], body: Data(
                #"{"message":"\#(message)","data":{"retry_after":\#(retry),"rate_limit_info":{"remaining_day":\#(remainingDay)}}}"#.utf8)))
        }
        #expect(answer("Maximum 100 requests per minute allowed.", 45).retryAfter == .seconds(45))
        #expect(answer("Maximum 5000 requests per day allowed.", 3, remainingDay: 0).retryAfter == .seconds(3 * 3600))
        #expect(answer("Maximum 5000 requests per day allowed.", 43_200, remainingDay: 0).retryAfter == .seconds(43_200),
                "too many to be hours: seconds")
        #expect(answer("Maximum 100 requests per minute allowed.", 1e18).retryAfter == .seconds(86_400), "never beyond a day")
    }
}
