import Chronology
import Foundation

/// The identifiers WeConnect hands out, drawn from seeded generators so a run is reproducible.
enum WeConnectIdentifiers {
    /// A thread id shaped like the document's `2-YTllN2Nl...XzAxMA==`: `2-` and the standard base64
    /// of `<uuid>_<three digits>` (40 bytes, so it always ends in `==`).
    static func threadID(_ random: inout SeededRandom, ordinal: Int) -> String {
        let suffix = CivilDate.pad(((ordinal % 1000) + 1000) % 1000, 3)
        return "2-" + Data((SandboxIdentifiers.uuid(&random) + "_" + suffix).utf8).base64EncodedString()
    }
}
