import Foundation
import Sandbox
import Testing

@Suite struct WeLinkGeneratorTests {
    private let people = (0..<40).map { SandboxPerson(slug: "shared-person-\($0)", name: "Shared Person \($0)") }

    @Test func theSameSeedGivesTheSameDataset() {
        let first = WeLinkGenerator(seed: 13, people: people).make()
        #expect(first == WeLinkGenerator(seed: 13, people: people).make())
        #expect(first != WeLinkGenerator(seed: 14, people: people).make())
        // Block 0 does not change with the scale.
        let larger = WeLinkGenerator(scale: 3, seed: 13, people: people).make()
        #expect(larger.accounts.count == 6)
        #expect(Set(larger.accounts.map(\.id)).count == 6)
        #expect(Array(larger.accounts.prefix(2)) == first.accounts)
        #expect(larger.requests(ofAccount: first.accounts[0].id) == first.requests(ofAccount: first.accounts[0].id))
        // And the server's dataset is reproducible too.
        var configuration = SandboxConfiguration()
        configuration.weLinkSeed = 99
        #expect(SandboxServer(configuration: configuration).weLink == SandboxServer(configuration: configuration).weLink)
        #expect(SandboxServer(configuration: configuration).weLink != SandboxServer().weLink)
    }

    @Test func everyAccountHasTheDocumentedMix() {
        let data = WeLinkGenerator(seed: 13, people: people).make()
        #expect(data.accounts.count == 2)
        #expect(data.accounts.allSatisfy { $0.id.count == 5 && $0.id.allSatisfy(\.isNumber) })
        for (index, account) in data.accounts.enumerated() {
            let history = data.requests(ofAccount: account.id).filter { !$0.settlesAfterStart }
            let connects = history.filter { $0.type == .connect }
            let messages = history.filter { $0.type == .message }
            #expect(connects.count == 20)
            #expect(messages.count == 15)
            let failed = history.filter { !$0.succeeded }
            #expect(!failed.isEmpty && failed.count * 4 < history.count)
            let replied = messages.filter { $0.repliedAt != nil }.count
            #expect(replied >= 3 && replied <= 8)
            #expect(data.requests(ofAccount: account.id).filter(\.settlesAfterStart).count == 4)
            // Submission order, whole-second times inside the window.
            let all = data.requests(ofAccount: account.id)
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.submittedAt <= $1.submittedAt })
            // The first six prospects are the shared people.
            let shared = Set(people[(index * 6)..<(index * 6 + 6)].map(\.slug))
            #expect(shared.isSubset(of: Set(connects.map(\.slug))))
            for record in all {
                #expect(WeLinkProfileURL.slug(from: record.profileURL) == record.slug, "\(record.profileURL)")
                if let sent = record.sentAt { #expect(sent >= record.submittedAt) }
                if let accepted = record.acceptedAt { #expect(accepted > (record.sentAt ?? .max - 1)) }
                if let replied = record.repliedAt { #expect(replied > (record.sentAt ?? .max - 1)) }
                #expect(record.succeeded == (record.sentAt != nil) || record.settlesAfterStart)
            }
            // Messages were sent only to connections (accepted before the message).
            for message in messages where message.succeeded {
                let invitation = connects.first { $0.slug == message.slug }
                #expect((invitation?.acceptedAt ?? .max) <= (message.sentAt ?? 0))
            }
            // A thread per person messaged, consistent with the messages.
            let threads = data.threads(ofAccount: account.id)
            let sent = messages.filter(\.succeeded)
            #expect(Set(threads.map(\.profileID)) == Set(sent.map(\.slug)))
            for thread in threads {
                let own = sent.filter { $0.slug == thread.profileID }
                #expect(thread.createdAt == own.compactMap(\.sentAt).min())
                #expect(thread.lastMessageAt == (own.compactMap(\.sentAt) + own.compactMap(\.repliedAt)).max())
                #expect(thread.lastActivityAt == thread.lastMessageAt)
            }
            #expect(zip(threads, threads.dropFirst()).allSatisfy { $0.lastActivityAt >= $1.lastActivityAt })
        }
        #expect(Set(data.requests.map(\.requestID)).count == data.requests.count)
        #expect(Set(data.threads.map(\.threadID)).count == data.threads.count)
    }

    @Test func profileURLFormsReduceToOneSlug() {
        let forms = [
            "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-4a1b2c/",
            "https://linkedin.com/in/Jos%C3%A9-Garc%C3%ADa-4A1B2C?miniProfileUrn=x",
            "http://www.linkedin.com/in/jos%c3%a9-garc%c3%ada-4a1b2c/en",
            "https://de.linkedin.com/in/josé-garcía-4a1b2c",
            "https://m.linkedin.com/in/JOSÉ-GARCÍA-4a1b2c/#about",
            "www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-4a1b2c",
            "  linkedin.com/in/jos%C3%A9-garc%C3%ADa-4a1b2c/de/  ",
        ]
        for form in forms {
            #expect(WeLinkProfileURL.slug(from: form) == "josé-garcía-4a1b2c", "\(form)")
        }
        for bad in ["jose-garcia", "https://example.com/in/jose", "https://www.linkedin.com/company/acme",
                    "https://www.linkedin.com/in/", "https://notlinkedin.com/in/jose"] {
            #expect(WeLinkProfileURL.slug(from: bad) == nil, "\(bad)")
        }
        // The dataset writes URLs in several of these forms.
        let urls = WeLinkGenerator(seed: 13, people: people).make().requests.map(\.profileURL)
        #expect(urls.contains { $0.hasPrefix("https://www.linkedin.com/in/") && $0.hasSuffix("/") })
        #expect(urls.contains { $0.contains("?miniProfileUrn=") && $0.contains(where: \.isUppercase) })
        #expect(urls.contains { $0.hasPrefix("http://") && $0.hasSuffix("/en") })
        #expect(urls.contains { $0.hasPrefix("https://de.linkedin.com/in/") })
        #expect(urls.contains { $0.contains("%C3%") })
    }
}
