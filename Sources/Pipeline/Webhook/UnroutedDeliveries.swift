import Hummingbird

/// A delivery to a path no route serves (a source name with a `/` in it, a mistyped URL) is a
/// delivery to no source: refused and logged like one, not left to the router's silent 404.
struct UnroutedDeliveries: RouterMiddleware {
    let receiver: WebhookReceiver

    func handle(_ request: Request, context: BasicRequestContext,
                next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && request.method == .post {
            return receiver.refuse(.unknownSource, request, source: nil)
        }
    }
}
