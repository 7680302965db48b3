import Foundation
import NIOCore

extension WebhookReceiver {
    /// The receiver cannot listen on the address asked for (a port in use, a host that does not
    /// resolve): `cannot listen on 127.0.0.1:8080: address already in use`.
    public struct ListenError: Error, CustomStringConvertible, Sendable {
        public let host: String
        public let port: Int
        /// What the system said, e.g. `address already in use`.
        public let cause: String

        public var description: String { "cannot listen on \(host):\(port): \(cause)" }

        /// The error as a `ListenError` when it is the network refusing the address; nil otherwise.
        init?(host: String, port: Int, _ error: any Error) {
            switch error {
            case let error as IOError:
                let message = String(cString: strerror(error.errnoCode))
                cause = message.prefix(1).lowercased() + message.dropFirst()
            case let error as SocketAddressError.UnknownHost:
                cause = "unknown host (\(error.errorDescription))"
            case is SocketAddressError:
                cause = "not an address this machine can listen on"
            default:
                return nil
            }
            self.host = host
            self.port = port
        }
    }
}
