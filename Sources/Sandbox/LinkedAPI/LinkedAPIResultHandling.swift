import Foundation

/// How a workflow's result reaches the caller, from the `result-handling` and `webhook` headers.
enum LinkedAPIResultHandling: Sendable, Equatable {
    /// The answer waits for the workflow to finish (also when the header is absent).
    case long
    /// An immediate `running` answer with a result link to poll.
    case reslink
    /// An immediate `running` answer; the result is POSTed to the URL.
    case hook(URL)

    /// Nil for an unknown value, or `hook` without an absolute http(s) `webhook` URL. Assumption:
    /// the value is compared without regard to case.
    init?(resultHandling: String?, webhook: String?) {
        switch resultHandling?.lowercased() {
        case nil, "long": self = .long
        case "reslink": self = .reslink
        case "hook":
            guard let webhook, let url = URL(string: webhook), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return nil }
            self = .hook(url)
        default: return nil
        }
    }
}
