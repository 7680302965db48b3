import Foundation

extension KonnectorRoutes {
    /// A validated `/create-api-key` body.
    struct APIKeyRequest: Sendable {
        let description: String?
    }

    /// Checks `organisation_id` (optional integer; must be this organisation's id, else 404) and
    /// `description` (optional string).
    func validateAPIKeyRequest(_ parameters: KonnectorParameters) throws(KonnectorError) -> APIKeyRequest {
        if let organisationID = try parameters.int("organisation_id"), organisationID != dataset.organisation.id {
            throw .notFound("Organisation not found")
        }
        return APIKeyRequest(description: try parameters.string("description"))
    }

    /// The documented success `data` for a newly created key.
    func apiKeyCreated(key: String, request: APIKeyRequest, now: Int64) -> JSONValue {
        let createdAt = ISOTimestamp.format(epochSeconds: now)
        return [
            "api_key": .string(key),
            "created_at": .string(createdAt),
            "description": .string(request.description ?? "API key created at \(createdAt)"),
            "organisation_id": .int(dataset.organisation.id),
            "organisation_name": .string(dataset.organisation.name),
            "expires_at": .string(ISOTimestamp.format(epochSeconds: now + 365 * 86_400)),
            "permissions": ["read", "write"],
            "created_by": .string(dataset.organisation.adminEmail),
        ]
    }
}
