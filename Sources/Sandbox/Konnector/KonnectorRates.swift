/// How the Konnector sandbox computes its percentages, so tests can check figures exactly.
public enum KonnectorRates {
    /// `part / whole` as a percent number (62.9 means 62.9 %) rounded to 2 decimals; 0 when
    /// `whole` is 0 (the vendor has no "undefined", so a rate over nothing is served as 0).
    public static func percent(_ part: Int, of whole: Int) -> Double {
        guard whole != 0 else { return 0 }
        return (Double(part) / Double(whole) * 10_000).rounded() / 100
    }
}
