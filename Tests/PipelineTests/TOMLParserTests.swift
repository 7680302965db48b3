import Testing
@testable import Pipeline

/// Parses `text`, returning the error it throws (or nil if it parses).
private func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct TOMLParserTests {
    // MARK: The configuration sample

    @Test func parsesTheConfigurationSample() throws {
        let text = """
            # comment
            [warehouse]
            path = "warehouse.sqlite"      # relative paths are relative to this file

            [reports]
            dir = "reports"
            formats = ["csv", "xlsx", "html"]

            [[sources]]
            name = "acme-konnector"        # unique, shown in reports
            kind = "konnector"
            base_url = "https://dev-api.konnector.ai/social_app/api/v1/third_party"
            api_key_env = "KONNECTOR_API_KEY"
            schedule = "daily at 02:00"
            lookback_days = 14
            start_date = 2025-01-01        # a bare TOML local date: return it as .string("2025-01-01")? no: as .date("2025-01-01")
            enabled = true
            ratio = 0.5

            [[sources]]
            name = "acme-weconnect"

            """
        let expected: [String: TOMLValue] = [
            "warehouse": .table(["path": .string("warehouse.sqlite")]),
            "reports": .table([
                "dir": .string("reports"),
                "formats": .array([.string("csv"), .string("xlsx"), .string("html")]),
            ]),
            "sources": .array([
                .table([
                    "name": .string("acme-konnector"),
                    "kind": .string("konnector"),
                    "base_url": .string("https://dev-api.konnector.ai/social_app/api/v1/third_party"),
                    "api_key_env": .string("KONNECTOR_API_KEY"),
                    "schedule": .string("daily at 02:00"),
                    "lookback_days": .integer(14),
                    "start_date": .date("2025-01-01"),
                    "enabled": .boolean(true),
                    "ratio": .float(0.5),
                ]),
                .table(["name": .string("acme-weconnect")]),
            ]),
        ]
        let parsed = try TOMLParser.parse(text)
        #expect(parsed == expected)
        #expect(parsed["sources"]?.array?.first?["lookback_days"]?.integer == 14)
        #expect(parsed["reports"]?["dir"]?.string == "reports")
    }

    @Test func acceptsEmptyDocumentsCommentsAndCRLF() throws {
        #expect(try TOMLParser.parse("") == [:])
        #expect(try TOMLParser.parse("# only a comment\n\n   \t\n# another") == [:])
        #expect(try TOMLParser.parse("a = 1\r\n# c\r\nb = 2\r\n") == ["a": .integer(1), "b": .integer(2)])
        #expect(try TOMLParser.parse("\u{FEFF}a = 1") == ["a": .integer(1)])
        #expect(try TOMLParser.parse("a = 1 # trailing, with 'quotes' and \"more\"") == ["a": .integer(1)])
    }

    // MARK: Keys

    @Test func parsesBareAndQuotedKeys() throws {
        let parsed = try TOMLParser.parse("""
            bare_key-1 = 1
            1234 = 2
            "quoted key" = 3
            'literal "key"' = 4
            "" = 5
            "tab\\tkey" = 6
            """)
        #expect(parsed == [
            "bare_key-1": .integer(1), "1234": .integer(2), "quoted key": .integer(3),
            "literal \"key\"": .integer(4), "": .integer(5), "tab\tkey": .integer(6),
        ])
    }

    @Test func parsesDottedKeys() throws {
        let parsed = try TOMLParser.parse("""
            a.b = 1
            a . c = 2
            site."google.com".ok = true
            3.14 = "pi"
            """)
        #expect(parsed == [
            "a": .table(["b": .integer(1), "c": .integer(2)]),
            "site": .table(["google.com": .table(["ok": .boolean(true)])]),
            "3": .table(["14": .string("pi")]),
        ])
    }

    // MARK: Tables

    @Test func parsesTablesAndSubTables() throws {
        let parsed = try TOMLParser.parse("""
            top = 0
            [a.b]
            x = 1
            [a]
            y = 2
            [ a . "c d" ]
            z = 3
            [empty]
            """)
        #expect(parsed == [
            "top": .integer(0),
            "a": .table(["b": .table(["x": .integer(1)]), "y": .integer(2), "c d": .table(["z": .integer(3)])]),
            "empty": .table([:]),
        ])
    }

    @Test func parsesArraysOfTables() throws {
        let parsed = try TOMLParser.parse("""
            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits.varieties]]
            name = "granny smith"
            [[fruits]]
            name = "banana"
            [[fruits.varieties]]
            name = "plantain"
            """)
        #expect(parsed == [
            "fruits": .array([
                .table([
                    "name": .string("apple"),
                    "physical": .table(["color": .string("red")]),
                    "varieties": .array([.table(["name": .string("red delicious")]), .table(["name": .string("granny smith")])]),
                ]),
                .table(["name": .string("banana"), "varieties": .array([.table(["name": .string("plantain")])])]),
            ]),
        ])
    }

    @Test func allowsSubTablesOfDottedKeyTables() throws {
        let parsed = try TOMLParser.parse("""
            [fruit]
            apple.color = "red"
            [fruit.apple.texture]
            smooth = true
            """)
        #expect(parsed["fruit"]?["apple"] == .table(["color": .string("red"), "texture": .table(["smooth": .boolean(true)])]))
    }

    // MARK: Strings

    @Test func parsesBasicStringEscapes() throws {
        let parsed = try TOMLParser.parse(#"""
            s = "quote \" backslash \\ nl \n tab \t cr \r bs \b ff \f"
            u = "\u00e9\U0001F600 caf\u00E9"
            raw = "héllo wörld ✓"
            """#)
        #expect(parsed["s"] == .string("quote \" backslash \\ nl \n tab \t cr \r bs \u{08} ff \u{0C}"))
        #expect(parsed["u"] == .string("é😀 café"))
        #expect(parsed["raw"] == .string("héllo wörld ✓"))
    }

    @Test func parsesLiteralStrings() throws {
        let parsed = try TOMLParser.parse(#"path = 'C:\Users\nodejs\templates' # no escapes"#)
        #expect(parsed["path"] == .string(#"C:\Users\nodejs\templates"#))
    }

    @Test func parsesMultiLineBasicStrings() throws {
        let parsed = try TOMLParser.parse(#"""
            a = """
            Roses are \"red\"
            Violets are "blue""""
            b = """\
                   The quick \
                   brown fox.\
                   """
            c = """one ""two"" \u0041"""
            """#)
        #expect(parsed["a"] == .string("Roses are \"red\"\nViolets are \"blue\""))
        #expect(parsed["b"] == .string("The quick brown fox."))
        #expect(parsed["c"] == .string("one \"\"two\"\" A"))
    }

    @Test func parsesMultiLineLiteralStrings() throws {
        let parsed = try TOMLParser.parse(#"""
            re = '''I [dw]on't need \d{2} apples'''
            lines = '''
            The first newline is
            trimmed in raw strings.\n
            '''
            quotes = ''''That's it,' she said.''''
            """#)
        #expect(parsed["re"] == .string(#"I [dw]on't need \d{2} apples"#))
        #expect(parsed["lines"] == .string("The first newline is\ntrimmed in raw strings.\\n\n"))
        #expect(parsed["quotes"] == .string("'That's it,' she said.'"))
    }

    // MARK: Numbers, booleans, dates

    @Test func parsesIntegers() throws {
        let parsed = try TOMLParser.parse("""
            a = 42
            b = +17
            c = -17
            d = 0
            e = 1_000_000
            f = 0xDEAD_beef
            g = 0o755
            h = 0b1101_0110
            max = 9223372036854775807
            min = -9223372036854775808
            """)
        #expect(parsed == [
            "a": .integer(42), "b": .integer(17), "c": .integer(-17), "d": .integer(0), "e": .integer(1_000_000),
            "f": .integer(0xDEAD_BEEF), "g": .integer(0o755), "h": .integer(0b1101_0110),
            "max": .integer(.max), "min": .integer(.min),
        ])
    }

    @Test func parsesFloats() throws {
        let parsed = try TOMLParser.parse("""
            a = 1.0
            b = -3.1415
            c = 5e+22
            d = 1e06
            e = -2E-2
            f = 6.626e-34
            g = 224_617.445_991
            h = inf
            i = -inf
            j = +inf
            k = nan
            l = -0.0
            """)
        #expect(parsed["a"] == .float(1.0))
        #expect(parsed["b"] == .float(-3.1415))
        #expect(parsed["c"] == .float(5e22))
        #expect(parsed["d"] == .float(1e6))
        #expect(parsed["e"] == .float(-0.02))
        #expect(parsed["f"] == .float(6.626e-34))
        #expect(parsed["g"] == .float(224_617.445_991))
        #expect(parsed["h"] == .float(.infinity))
        #expect(parsed["i"] == .float(-.infinity))
        #expect(parsed["j"] == .float(.infinity))
        #expect(parsed["k"]?.float?.isNaN == true)
        #expect(parsed["l"]?.float?.sign == .minus)
    }

    @Test func parsesBooleans() throws {
        #expect(try TOMLParser.parse("t = true\nf = false") == ["t": .boolean(true), "f": .boolean(false)])
    }

    @Test func parsesDatesAndDateTimesKeepingTheirText() throws {
        let parsed = try TOMLParser.parse("""
            d = 2025-01-01
            leap = 2024-02-29
            utc = 1979-05-27T07:32:00Z
            offset = 1979-05-27T00:32:00.999999-07:00
            space = 1979-05-27 07:32:00+01:30
            local = 1979-05-27T07:32:00
            time = 07:32:00.5
            """)
        #expect(parsed["d"] == .date("2025-01-01"))
        #expect(parsed["leap"] == .date("2024-02-29"))
        #expect(parsed["utc"] == .datetime("1979-05-27T07:32:00Z"))
        #expect(parsed["offset"] == .datetime("1979-05-27T00:32:00.999999-07:00"))
        #expect(parsed["space"] == .datetime("1979-05-27 07:32:00+01:30"))
        #expect(parsed["local"] == .datetime("1979-05-27T07:32:00"))
        #expect(parsed["time"] == .datetime("07:32:00.5"))
        #expect(parsed["d"]?.date == "2025-01-01")
        #expect(parsed["utc"]?.datetime == "1979-05-27T07:32:00Z")
    }

    // MARK: Arrays and inline tables

    @Test func parsesArrays() throws {
        let parsed = try TOMLParser.parse("""
            empty = []
            nested = [[1, 2], ["a", 'b'], [[]]]
            mixed = [1, "two", 3.0, true, 2025-01-01, { x = 1 }]
            multi = [
                "one",   # first
                # a comment line

                "two",   # trailing comma next
            ]
            """)
        #expect(parsed["empty"] == .array([]))
        #expect(parsed["nested"] == .array([
            .array([.integer(1), .integer(2)]), .array([.string("a"), .string("b")]), .array([.array([])]),
        ]))
        #expect(parsed["mixed"] == .array([
            .integer(1), .string("two"), .float(3.0), .boolean(true), .date("2025-01-01"), .table(["x": .integer(1)]),
        ]))
        #expect(parsed["multi"] == .array([.string("one"), .string("two")]))
    }

    @Test func parsesInlineTables() throws {
        let parsed = try TOMLParser.parse("""
            point = { x = 1, y = "x" }
            empty = {}
            nested = { a.b = 1, a.c = [1, 2], d = { e = true } }
            """)
        #expect(parsed["point"] == .table(["x": .integer(1), "y": .string("x")]))
        #expect(parsed["empty"] == .table([:]))
        #expect(parsed["nested"] == .table([
            "a": .table(["b": .integer(1), "c": .array([.integer(1), .integer(2)])]),
            "d": .table(["e": .boolean(true)]),
        ]))
    }

    // MARK: Accessors

    @Test func accessorsReturnNilForOtherCases() {
        let value = TOMLValue.integer(3)
        #expect(value.integer == 3)
        #expect(value.string == nil)
        #expect(value.float == nil)
        #expect(value.boolean == nil)
        #expect(value.array == nil)
        #expect(value.table == nil)
        #expect(value["key"] == nil)
        #expect(TOMLValue.boolean(false).boolean == false)
        #expect(TOMLValue.table(["k": .string("v")])["k"]?.string == "v")
    }

    // MARK: Errors

    @Test func describesErrorsAsOneSentenceWithTheLine() throws {
        let text = "[a]\nb = 1\n\n# comment\n[c]\nd = 2\ne = x\n"
        let error = try #require(parseError(text))
        #expect(error.line == 7)
        #expect(error.column == 5)
        #expect(error.message == "expected a value after '=' but found 'x'")
        #expect(error.description == "line 7: expected a value after '=' but found 'x'")
    }

    static let errorCases: [(text: String, line: Int, message: String)] = [
        // Duplicates and redefinitions.
        ("a = 1\nb = 2\na = 3", 3, "duplicate key 'a'"),
        ("a.b = 1\na.b = 2", 2, "duplicate key 'a.b'"),
        ("[t]\nx = 1\n[u]\n[t]", 4, "table [t] is defined more than once"),
        ("[t.sub]\n[t]\n[t]", 3, "table [t] is defined more than once"),
        ("a = 1\n[a]", 2, "cannot define table [a] because 'a' is already a value"),
        ("a.b = 1\n[a]", 2, "table [a] is defined more than once"),
        ("[a]\nb.c = 1\n[a.b]", 3, "table [a.b] is defined more than once"),
        ("[[a]]\n[a]", 2, "cannot define table [a] because 'a' is already an array of tables"),
        ("[a]\n[[a]]", 2, "cannot define array of tables [[a]] because 'a' is already a table"),
        ("a = []\n[[a]]", 2, "cannot define table [[a]] because 'a' is already a value"),
        ("a = { b = 1 }\na.c = 2", 2, "cannot set key 'a.c' because 'a' is already defined"),
        ("a = { b = 1 }\n[a.c]", 2, "cannot define table [a.c] because 'a' is already a value"),
        ("[a.b.c]\n[a]\nb.c.d = 1", 3, "cannot set key 'b.c.d' because 'b' is already defined"),
        ("p = { x = 1, x = 2 }", 1, "duplicate key 'x'"),
        // Invalid values.
        ("a =", 1, "expected a value after '=' but found the end of the file"),
        ("a = \n", 1, "expected a value after '=' but found the end of the line"),
        ("\na = hello", 2, "expected a value after '=' but found 'hello'"),
        ("a = True", 1, "expected a value after '=' but found 'True'"),
        ("a = [1, , 2]", 1, "expected a value in the array but found ','"),
        ("a = 007", 1, "invalid number '007'"),
        ("a = 1__0", 1, "invalid number '1__0'"),
        ("a = _1", 1, "expected a value after '=' but found '_1'"),
        ("a = 1_", 1, "invalid number '1_'"),
        ("a = 1.", 1, "invalid number '1.'"),
        ("a = .5", 1, "expected a value after '=' but found '.5'"),
        ("a = 1e", 1, "invalid number '1e'"),
        ("a = +0x10", 1, "invalid number '+0x10'"),
        ("a = 0xG", 1, "invalid number '0xG'"),
        ("a = 9223372036854775808", 1, "number '9223372036854775808' is out of range"),
        ("a = 2025-02-30", 1, "invalid date-time '2025-02-30'"),
        ("a = 2025-13-01", 1, "invalid date-time '2025-13-01'"),
        ("a = 2025-01-01T25:00:00Z", 1, "invalid date-time '2025-01-01T25:00:00Z'"),
        ("a = 1979-05-27T07:32", 1, "invalid date-time '1979-05-27T07:32'"),
        // Strings.
        ("a = \"open", 1, "unterminated string: missing closing \""),
        ("x = 1\na = \"open\nb = 2", 2, "unterminated string: missing closing \" before the end of the line"),
        ("a = 'open\n", 1, "unterminated string: missing closing ' before the end of the line"),
        ("a = 1\nb = \"\"\"\nnever closed\n", 2, "unterminated string: missing closing \"\"\""),
        ("a = '''\nnever closed", 1, "unterminated string: missing closing '''"),
        ("a = \"bad \\q escape\"", 1, "invalid escape sequence '\\q'"),
        ("a = \"\\u12\"", 1, "expected 4 hex digits after '\\u'"),
        ("a = \"\\uD800\"", 1, "'\\uD800' is not a valid Unicode scalar"),
        ("a = \"tab\u{01}\"", 1, "control character U+0001 must be escaped in a string"),
        ("a = \"\"\"x\"\"\"\"\"\"", 1, "too many quotes at the end of a multi-line string"),
        ("\"\"\"k\"\"\" = 1", 1, "a multi-line string cannot be used as a key"),
        // Garbage after values and headers.
        ("a = 1 2", 1, "expected the end of the line after the value but found '2'"),
        ("a = \"x\" y", 1, "expected the end of the line after the value but found 'y'"),
        ("a = 1\nb = true false", 2, "expected the end of the line after the value but found 'false'"),
        ("a = [1] ]", 1, "expected the end of the line after the value but found ']'"),
        ("[t] x = 1", 1, "expected the end of the line after the table header but found 'x'"),
        ("a = 1 b = 2", 1, "expected the end of the line after the value but found 'b'"),
        // Keys, headers, arrays and inline tables.
        ("a 1", 1, "expected '=' after the key 'a' but found '1'"),
        ("= 1", 1, "expected a key but found '='"),
        ("a. = 1", 1, "expected a key but found '='"),
        ("[]", 1, "expected a key but found ']'"),
        ("[t\nx = 1", 1, "expected ']' to close the table header but found the end of the line"),
        ("[[t]\n", 1, "expected ']]' to close the table header but found the end of the line"),
        ("a = [1, 2\nb = 3", 2, "expected ',' or ']' after an array element but found 'b'"),
        ("a = [1,\n  2,\n", 1, "unterminated array: missing ']'"),
        ("p = { x = 1, }", 1, "expected a key but found '}'"),
        ("p = { x = 1\n}", 1, "expected ',' or '}' in the inline table (which must be on one line) but found the end of the line"),
        ("p = { x = 1 y = 2 }", 1, "expected ',' or '}' in the inline table (which must be on one line) but found 'y'"),
        ("# bad \u{7F} comment", 1, "control character U+007F is not allowed in a comment"),
    ]

    @Test(arguments: errorCases)
    func reportsErrorsWithTheirLine(text: String, line: Int, message: String) throws {
        let error = try #require(parseError(text), "expected an error for \(text.debugDescription)")
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.description == "line \(line): \(message)")
    }

    // MARK: Nesting

    private static let tooDeep = "arrays and tables nested deeper than 128 levels"

    @Test func refusesArraysAndInlineTablesNestedTooDeeplyNamingTheLine() throws {
        for open in ["[", "{a=", "[{a=", "{a.b="] {
            let error = try #require(parseError("a = 1\n\nx = " + String(repeating: open, count: 100_000)))
            #expect(error.description == "line 3: \(Self.tooDeep)", "\(open)")
        }
    }

    @Test func refusesKeysAndHeadersNestedTooDeeply() throws {
        let path = Array(repeating: "a", count: 100_000).joined(separator: ".")
        for text in ["\(path) = 1", "[\(path)]", "[[\(path)]]", "x = { \(path) = 1 }", "x = [" + String(repeating: "{ a.a.a.a = ", count: 40)] {
            #expect(parseError(text)?.description == "line 1: \(Self.tooDeep)", "\(text.prefix(40))")
        }
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        func nested(_ depth: Int) -> String { "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        var value = TOMLValue.array([])
        for _ in 1..<128 { value = .array([value]) }
        #expect(try TOMLParser.parse(nested(128)) == ["x": value])
        #expect(parseError(nested(129))?.message == Self.tooDeep)

        // Under [[t]] (an array, then a table) a value starts two levels down.
        let inTables = "[[t]]\nx = " + String(repeating: "{a=", count: 126) + "1" + String(repeating: "}", count: 126)
        #expect(throws: Never.self) { try TOMLParser.parse(inTables) }
        #expect(parseError("[[t]]\nx = " + String(repeating: "{a=", count: 127))?.description == "line 2: \(Self.tooDeep)")
        let dotted = Array(repeating: "a", count: 128).joined(separator: ".")
        #expect(throws: Never.self) { try TOMLParser.parse("[\(dotted)]\n") }
        #expect(parseError("[\(dotted).a]\n")?.message == Self.tooDeep)
    }

    @Test func appendsManyTablesToAnArrayOfTables() throws {
        let text = (0..<20_000).map { "[[sources]]\nname = \"s\($0)\"\n" }.joined()
        let sources = try #require(try TOMLParser.parse(text)["sources"]?.array)
        #expect(sources.map { $0["name"]?.string } == (0..<20_000).map { "s\($0)" })
    }

    @Test func reportsColumns() throws {
        #expect(parseError("a = 1\n  b = 2 3")?.column == 9)
        #expect(parseError("é = 1")?.column == 1)
        #expect(parseError("\"é\" = 1 x")?.column == 9)
    }
}
