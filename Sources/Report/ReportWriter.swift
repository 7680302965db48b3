import Foundation

/// Writes a report model as `<view>.csv` per contract view, `report.xlsx` and `index.html` (with its sender and
/// campaign pages under `senders/` and `campaigns/`) into one folder. The contract views are read row by row from
/// the model's snapshot of the warehouse while the files are written; no format holds a whole one in memory.
public struct ReportWriter {
    /// Whether CSV files start with the UTF-8 byte-order mark (for Excel on Windows).
    public var csvByteOrderMark: Bool

    public init(csvByteOrderMark: Bool = false) { self.csvByteOrderMark = csvByteOrderMark }

    /// Creates `directory` when missing and writes the requested formats (each once, in the order given);
    /// returns the files written. Each file appears whole or not at all: it is written beside and renamed.
    public func write(_ model: ReportModel, formats: [ReportFormat], to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.file(path: directory.path, message: error.localizedDescription)
        }
        var written: [URL] = []
        var seen: Set<ReportFormat> = []
        for format in formats where seen.insert(format).inserted {
            switch format {
            case .csv:
                try model.read { db in
                    for view in model.views {
                        let url = directory.appendingPathComponent("\(view.name).csv")
                        try replace(url) {
                            try CSVWriter(byteOrderMark: csvByteOrderMark).write(try view.cursor(in: db), to: $0)
                        }
                        written.append(url)
                    }
                }
            case .xlsx:
                let url = directory.appendingPathComponent("report.xlsx")
                try replace(url) {
                    try XLSXRenderer().write(model, to: $0)
                    // A summary read beside the workbook that failed leaves it unfinished: it is not renamed into place.
                    try model.checkSummaries()
                }
                written.append(url)
            case .html:
                try model.checkSummaries()
                written += try writeHTML(model, linking: Set(formats).subtracting([.html]), to: directory)
            }
        }
        return written
    }

    /// Writes `index.html` and one page per sender and per campaign under `senders/` and `campaigns/`, each
    /// atomically, index.html last; removes the pages of senders and campaigns that are no longer reported. The
    /// index links the data files of `formats`.
    private func writeHTML(_ model: ReportModel, linking formats: Set<ReportFormat>, to directory: URL) throws -> [URL] {
        for folder in [PageName.senderFolder, PageName.campaignFolder] {
            let url = directory.appendingPathComponent(folder, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw ReportError.file(path: url.path, message: error.localizedDescription)
            }
        }
        var written: [URL] = []
        var current = Set<String>()
        try HTMLRenderer(dataFormats: formats).forEachPage(model) { path, page in
            let url = directory.appendingPathComponent(path)
            let html = Data(page.utf8)
            try replace(url) { try html.write(to: $0) }
            written.append(url)
            current.insert(path)
        }
        for folder in [PageName.senderFolder, PageName.campaignFolder] {
            let url = directory.appendingPathComponent(folder, isDirectory: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where name.hasSuffix(".html") && !current.contains("\(folder)/\(name)") {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
            }
        }
        return written
    }

    /// Lets `body` write a hidden partial file beside `url`, then renames it over `url`; removes it on failure.
    private func replace(_ url: URL, with body: (URL) throws -> Void) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try body(partial)
            guard rename(partial.path, url.path) == 0 else {
                throw ReportError.file(path: url.path, message: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            if let error = error as? ReportError { throw error }
            throw ReportError.file(path: url.path, message: error.localizedDescription)
        }
    }
}
