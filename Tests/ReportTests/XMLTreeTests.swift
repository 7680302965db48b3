import Testing

/// The XML reader the HTML and XLSX tests rely on must reject malformed input, or their checks prove nothing.
@Suite struct XMLTreeTests {
    @Test(arguments: [
        "<p>Tom <b>and</p>", "<p><img src=x onerror=alert(1)></p>", "<p>a & b</p>", "<p>a</p><p>b</p>",
        "<p x=\"1\" x=\"2\"></p>", "<p>a < b</p>", "", "<!DOCTYPE html>\n<html><body></html>",
    ])
    func rejectsMalformedMarkup(text: String) {
        #expect(throws: XMLTree.Malformed.self) { try XMLTree(text) }
    }

    @Test func readsTextInDocumentOrder() throws {
        let tree = try XMLTree("<!DOCTYPE html>\n<p id=\"a\">x<b>y</b>z &amp; &#39;&lt;</p>")
        #expect(tree.root?.text == "xyz & '<")
        #expect(tree.root?.attributes["id"] == "a")
        #expect(tree.elements(named: "b").map(\.text) == ["y"])
    }
}
