import Foundation
@testable import Report

/// Every page of a rendered report, parsed, with relative links resolved the way a browser resolves them on disk.
struct RenderedSite {
    /// Markup and parsed document by path relative to the reports folder.
    let pages: [String: (html: String, document: XMLTree)]
    let order: [String]

    init(_ model: ReportModel) throws {
        let rendered = try HTMLRenderer().pages(model)
        order = rendered.map(\.path)
        var pages: [String: (String, XMLTree)] = [:]
        for page in rendered {
            pages[page.path] = (page.html, try XMLTree(page.html))
        }
        self.pages = pages
    }

    func document(_ path: String) throws -> XMLTree {
        guard let page = pages[path] else { throw XMLTree.Malformed(description: "no page \(path)") }
        return page.document
    }

    /// The href of every `<a>` of a page that leaves it, resolved against the page's folder, fragment dropped.
    func links(from path: String) throws -> [String] {
        try document(path).elements(named: "a").compactMap { $0.attributes["href"] }
            .filter { !$0.hasPrefix("#") }
            .map { Self.resolve($0, from: path) }
    }

    /// `href` (relative, may hold `..` and a fragment) from the page at `path`, as a path from the reports folder.
    static func resolve(_ href: String, from path: String) -> String {
        let file = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in file.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
