import Foundation
import Pipeline
import Vendors

/// A source of the bench's pipeline as it travels to a child process (the configuration in JSON);
/// its secrets travel in the child's environment, under the variable names it holds.
struct BenchSource: Codable, Sendable {
    var name: String
    var kind: SourceKind
    var baseURL: URL
    var apiKeyEnv: String?
    var emailEnv: String?
    var passwordEnv: String?
    var apiSecretEnv: String?
    var socketURL: URL?
    var accountID: String?
    var resultHandling: LinkedAPIResultHandling?
    var statusChecksPerRun: Int?

    /// The source with the vendors' limits out of the way: the bench measures the pipeline, and the
    /// sandbox's own limits are off too.
    var configuration: SourceConfiguration {
        var source = SourceConfiguration(name: name, kind: kind, baseURL: baseURL, apiKeyEnv: apiKeyEnv, emailEnv: emailEnv,
                                         passwordEnv: passwordEnv, socketURL: socketURL, dailyLimit: Int.max / 4)
        source.apiSecretEnv = apiSecretEnv
        source.accountID = accountID
        source.hourlyLimit = nil
        if let resultHandling { source.resultHandling = resultHandling }
        if let statusChecksPerRun { source.statusChecksPerRun = statusChecksPerRun }
        return source
    }
}
