import Foundation
import Testing
@testable import Transform
import Warehouse

/// `campaign_steps` is undocumented: its entries are read tolerantly, in the one shape the decoder assumes.
@Suite struct KonnectorCampaignStepsTests {
    private func steps(_ json: String) throws -> [CampaignStep] {
        KonnectorCampaignSteps.decode(try JSONValue.parse(Data(json.utf8)))
    }

    @Test func theSandboxShapeGivesSendsAndTheOutcomeOfEachKindOfStep() throws {
        #expect(try steps("""
            [{"step_order": 1, "step_type": "profile_visit", "sent_count": 10, "success_count": 10},
             {"step_order": 2, "step_type": "connection_request", "sent_count": 10, "success_count": 4},
             {"step_order": 3, "step_type": "follow_up_message", "sent_count": 4, "success_count": 1}]
            """) == [CampaignStep(number: 1, type: "profile_visit", sent: 10, accepted: nil, replied: nil),
                     CampaignStep(number: 2, type: "connection_request", sent: 10, accepted: 4, replied: nil),
                     CampaignStep(number: 3, type: "follow_up_message", sent: 4, accepted: nil, replied: 1)])
    }

    @Test func otherSpellingsPositionsAndJunkAreTolerated() throws {
        #expect(try steps("""
            [{"type": "invite", "sent": 7, "accepted_count": 2}, "junk", {"action": "message", "total_count": 2, "replied": 1},
             {"step_number": 2, "type": "duplicate of step 2"}]
            """) == [CampaignStep(number: 1, type: "invite", sent: 7, accepted: 2, replied: nil),
                     CampaignStep(number: 3, type: "message", sent: 2, accepted: nil, replied: 1),
                     CampaignStep(number: 2, type: "duplicate of step 2", sent: nil, accepted: nil, replied: nil)])
        #expect(try steps("{}") == [])
    }
}
