/// Hands out Excel table names: valid (letters, digits, `_` and `.`, starting with a letter or `_`, never
/// mistakable for a cell reference) and unique in the workbook, as Excel requires.
struct XLSXTableNames {
    private var used: Set<String> = []

    /// A name derived from `base` (a view name such as `report_threads`), with `_2`, `_3`… when already taken.
    mutating func unique(for base: String) -> String {
        var name = String(base.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ".")
                ? Character(scalar) : "_"
        })
        // With an underscore in it, a name can be neither a cell reference (A1, XFD10) nor an R1C1 one.
        if !name.contains("_") || !(name.first.map { $0.isLetter || $0 == "_" } ?? false) {
            name = "Table_" + name
        }
        name = String(name.prefix(200))
        var candidate = name
        var counter = 1
        while used.contains(candidate.uppercased()) {
            counter += 1
            candidate = "\(name)_\(counter)"
        }
        used.insert(candidate.uppercased())
        return candidate
    }
}
