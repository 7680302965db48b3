import Demo
import Foundation
import Logging
import Pipeline
import Sandbox
import TestSupport
import Testing
@testable import Transform
import Warehouse

/// One person, one prospect: profile URLs in every form give the same public id, and a person
/// reached through several vendors is one row that the prospect view counts once.
@Suite struct ProspectIdentityTests {
    @Test(arguments: [
        "jane-doe", "JANE-DOE", " jane-doe ", "https://www.linkedin.com/in/jane-doe", "https://www.linkedin.com/in/jane-doe/",
        "http://linkedin.com/in/Jane-Doe?trk=people-guest", "https://de.linkedin.com/in/jane-doe/de/", "https://m.linkedin.com/in/jane-doe#top",
        "www.linkedin.com/in/jane%2Ddoe", "https://www.linkedin.com/in/jane-doe/?originalSubdomain=uk",
    ])
    func everyFormOfAProfileURLGivesOnePublicID(_ form: String) {
        #expect(ProspectID.normalise(form) == "jane-doe")
    }

    @Test(arguments: [
        "jane-doe", " JANE-DOE\t", "https://www.linkedin.com/in/Jane-Doe/?x=1", "in", "/in/", "in/", "a/b", "IN/x", " \n ", "",
        "https://x.com/in", "?x", "#", "in/a/b", "https://linkedin.com/IN/a#b?c", "//in//jane//", "https://linkedin.com/company/x",
        "a?b/in/c", "in/in", "x/In/y",
    ])
    func theASCIIPathReadsAsTheGeneralOne(_ form: String) {
        var text = form
        let ascii = text.withUTF8 { ProspectID.normaliseASCII($0) }
        #expect(ascii == .some(ProspectID.normaliseAnyText(form)))
    }

    @Test func percentEncodedNamesAreDecodedAndNonProfilesRejected() {
        #expect(ProspectID.normalise("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-4a1b2c3d/") == "josé-garcía-4a1b2c3d")
        #expect(ProspectID.normalise("https://www.linkedin.com/company/acme") == nil)
        #expect(ProspectID.normalise("") == nil)
    }

    @Test func aPersonReachedThroughSeveralVendorsIsOneProspect() async throws {
        let directory = try TemporaryDirectory("prospects")
        defer { directory.remove() }
        let result = try await Demo.run(scale: 1, directory: directory.url, endDate: "2026-11-20", logger: Logger(label: "test"))
        #expect(result.succeeded)
        let server = SandboxServer(configuration: SandboxConfiguration(endDate: "2026-11-20"))
        let shared = try #require(server.sharedPeople.first)
        // The vendors write this person's profile differently.
        let weLinkForm = try #require(server.weLink.requests.first { $0.slug == shared.slug }?.profileURL)
        let linkedAPIForm = try #require(server.linkedAPI.invitations.first { $0.slug == shared.slug }?.personURL)
        #expect(weLinkForm != linkedAPIForm)
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        let rows = try await warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report_prospects WHERE prospect_id = ?", arguments: [shared.slug])
        }
        #expect(rows.count == 1)
        let names = (rows.first?["source_names"] as String?)?.components(separatedBy: ", ") ?? []
        #expect(Set(names).isSuperset(of: [Demo.weConnectSourceName, Demo.weLinkSourceName, Demo.linkedAPISourceName]), "\(names)")
        let (people, distinct) = try await warehouse.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_prospects") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT lower(prospect_id)) FROM report_prospects") ?? 0)
        }
        #expect(people == distinct)
    }
}
