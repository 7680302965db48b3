import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A whole XML document parsed into elements with Foundation's XMLParser; parsing fails on malformed input.
final class XMLTree: NSObject, XMLParserDelegate {
    /// One element: name, attributes, children and all the text inside it, in document order.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var root: Element?
    private(set) var all: [Element] = []
    private var stack: [Element] = []
    private var errors: [String] = []

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        // XMLParser may recover from some errors and still return true: any reported error fails the parse.
        let parsed = parser.parse()
        guard parsed, errors.isEmpty, root != nil else {
            let reason = errors.first ?? parser.parserError.map { "\($0)" } ?? "no root element"
            throw Malformed(description: "line \(parser.lineNumber): \(reason)")
        }
    }

    func elements(named name: String) -> [Element] {
        all.filter { $0.name == name }
    }

    /// Every element a browser shows, in document order: those inside a `hidden` one (a period preset not
    /// chosen) are left out.
    var visible: [Element] {
        var shown: [Element] = []
        func walk(_ element: Element) {
            guard element.attributes["hidden"] == nil else { return }
            shown.append(element)
            element.children.forEach(walk)
        }
        root.map(walk)
        return shown
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let element = Element(name: elementName, attributes: attributeDict)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
        all.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        errors.append("\(parseError)")
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        errors.append("\(validationError)")
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        let string = String(decoding: CDATABlock, as: UTF8.self)
        for element in stack { element.text += string }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for element in stack { element.text += string }
    }
}
