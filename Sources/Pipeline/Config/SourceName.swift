/// The rule for a source's `name`: it becomes a URL path segment (`/webhooks/<name>`), part of log
/// lines, report rows and file names, so it is 1 to 64 characters of ASCII letters, digits, `-`, `_`
/// and `.`, and not `.` or `..` alone (path segments with a meaning of their own).
public enum SourceName {
    public static let maximumLength = 64

    /// The rule as error messages state it.
    public static let allowed = "a name is 1 to 64 characters of ASCII letters, digits, \"-\", \"_\" and \".\" (not \".\" or \"..\" alone)"

    /// Nil when `name` follows the rule; otherwise a sentence saying why not, naming the name as the
    /// file would write it (so a control character in it shows escaped, never raw).
    public static func problem(with name: String) -> String? {
        let written = TOMLValue.quoted(name)
        if name.isEmpty || name.unicodeScalars.count > maximumLength {
            return "name \(written) is \(name.isEmpty ? "empty" : "longer than \(maximumLength) characters"); \(allowed)"
        }
        if name == "." || name == ".." { return "name \(written) is not allowed; \(allowed)" }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "name \(written) has the character \(TOMLValue.quoted(String(bad))), which a name cannot have; \(allowed)"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }
}
