/// One step of a campaign's sequence with its lifetime figures; a figure the vendor does not give is nil.
struct CampaignStep: Equatable {
    let number: Int
    let type: String?
    let sent: Int?
    let accepted: Int?
    let replied: Int?
}
