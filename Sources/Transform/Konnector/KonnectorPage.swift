import Foundation
import Warehouse

/// A Konnector page read in one pass: its tree without the daily series, and each series' rows, decoded as they
/// were read (a series holds a row per campaign or sender per day, most of a page's bytes, and no tree is built
/// for them).
struct KonnectorPage {
    /// Where a series sits: object keys from the page's root, `*` for each element of an array.
    typealias Path = [String]

    var tree: JSONValue
    /// Each series' rows by its path, with an array's element numbered in place of its `*`.
    var series: [Path: [KonnectorDailyRow.Day]] = [:]

    /// Reads `body`, decoding the series at `series`' paths as the kind of row each names.
    init(_ body: Data, series paths: [Path: KonnectorDailyRow.Series]) throws(JSONValue.ParseError) {
        var prefixes = Set<Path>()
        for path in paths.keys {
            for count in 0..<path.count { prefixes.insert(Array(path.prefix(count))) }
        }
        var series: [Path: [KonnectorDailyRow.Day]] = [:]
        tree = try JSONReader.read(body) { (reader: inout JSONReader) throws(JSONValue.ParseError) in
            try Self.read(&reader, at: [], pattern: [], paths: paths, prefixes: prefixes, into: &series)
        }
        self.series = series
    }

    /// The rows of the series at `path` (nil when the page has none there).
    func rows(_ path: Path) -> [KonnectorDailyRow.Day] { series[path] ?? [] }

    /// The value at the reader, whose place is `path` (`pattern` with `*` for array elements), with the series inside
    /// it decoded into `series` rather than into the tree.
    private static func read(_ reader: inout JSONReader, at path: Path, pattern: Path, paths: [Path: KonnectorDailyRow.Series],
                             prefixes: Set<Path>, into series: inout [Path: [KonnectorDailyRow.Day]])
        throws(JSONValue.ParseError) -> JSONValue {
        if let kind = paths[pattern] {
            series[path] = try KonnectorDailyRow.readSeries(&reader, series: kind)
            return .null
        }
        guard prefixes.contains(pattern) else { return try reader.readValue() }
        switch try reader.peek() {
        case .object:
            var object: [String: JSONValue] = [:]
            try reader.readObject { (reader: inout JSONReader, key: JSONKey) throws(JSONValue.ParseError) in
                let name = key.string
                let childPath = path + [name]
                // A key given twice keeps its last value, as in a tree: its earlier series go.
                if object[name] != nil {
                    for stale in series.keys where stale.starts(with: childPath) { series[stale] = nil }
                }
                let value = try read(&reader, at: childPath, pattern: pattern + [name], paths: paths, prefixes: prefixes,
                                     into: &series)
                object[name] = value
            }
            return .object(object)
        case .array:
            var array: [JSONValue] = []
            try reader.readArray { (reader: inout JSONReader) throws(JSONValue.ParseError) in
                array.append(try read(&reader, at: path + [String(array.count)], pattern: pattern + ["*"], paths: paths,
                                      prefixes: prefixes, into: &series))
            }
            return .array(array)
        default:
            return try reader.readValue()
        }
    }
}
