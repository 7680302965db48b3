import Foundation
import Testing
import Sandbox

@Suite struct WeConnectGeneratorTests {
    @Test func theSameInputsGiveTheSameDataAndBlockZeroIsStable() throws {
        let one = WeConnectGenerator().make()
        #expect(one == WeConnectGenerator().make())
        #expect(one != WeConnectGenerator(seed: 12).make())
        let two = WeConnectGenerator(scale: 2).make()
        #expect(two.users.count == 4)
        #expect(Array(two.users.prefix(2)) == one.users)
        #expect(Array(two.threads.prefix(one.threads.count)) == one.threads)
        #expect(Set(two.threads.map(\.id)).count == two.threads.count)
        #expect(Set(two.users.map(\.id)).count == 4)
        #expect(Set(two.users.flatMap(\.accounts).map(\.accountID)).count == two.users.flatMap(\.accounts).count)
    }

    @Test func scaleOneHasTheDocumentedLayout() throws {
        let data = WeConnectGenerator().make()
        #expect(data.users.count == 2)
        let demo = try #require(data.users.first)
        #expect(demo.id == 75)
        #expect(demo.password == "newpass")
        #expect(demo.accounts.first?.accountID == 708)
        #expect(demo.activeAccount == demo.accounts.first?.email)
        #expect((36...44).contains(data.threads.count))
        #expect((50...70).contains(data.actions.count))
        #expect(Set(data.actions.map(\.type)) == Set(WeConnectActionType.allCases))
        #expect(data.actions.contains { $0.finalStatus == .completedFailed })
        #expect(data.actions.filter { $0.finalStatus == .completedFailed }.count < data.actions.count / 4)
        #expect(data.actions.contains { $0.settlesAfterStart })
        #expect(data.actions.filter(\.settlesAfterStart).count <= 5)
        #expect(Set(data.actions.map(\.requestID)).count == data.actions.count)
        #expect(data.actions.allSatisfy { ($0.type == .message) == ($0.replied != nil) })
        for user in data.users {
            let accounts = Set(user.accounts.map(\.accountID))
            #expect(data.actions(ofUser: user.id).allSatisfy { accounts.contains($0.accountID) })
        }
    }

    @Test func threadsHaveEveryConversationShapeInsideTheWindow() throws {
        let data = WeConnectGenerator(endDate: "2026-11-20", days: 60).make()
        let start = Int64(1_790_035_200) // 2026-09-22 00:00 UTC
        let end = Int64(1_795_132_800 + 22 * 3_600) // 2026-11-20 22:00 UTC
        var shapes = Set<String>()
        for thread in data.threads {
            #expect(thread.id.hasPrefix("2-") && thread.id.hasSuffix("=="))
            #expect(Data(base64Encoded: String(thread.id.dropFirst(2))) != nil)
            #expect(!thread.messages.isEmpty)
            let epochs = thread.messages.map(\.epoch)
            #expect(epochs == epochs.sorted())
            #expect(epochs.allSatisfy { $0 >= start && $0 < end })
            let directions = thread.messages.map(\.direction)
            let user = try #require(data.user(id: thread.userID))
            for message in thread.messages {
                #expect(message.senderName == (message.direction == .outbound ? user.fullname : thread.profile.name))
            }
            if directions.first == .inbound { shapes.insert("inbound first") }
            if directions.allSatisfy({ $0 == .outbound }) { shapes.insert("never answered") }
            if directions.first == .outbound, directions.contains(.inbound) { shapes.insert("answered") }
            if directions.filter({ $0 == .inbound }).count >= 2, directions.filter({ $0 == .outbound }).count >= 2 {
                shapes.insert("several each way")
            }
            let slugs = data.threads(ofUser: thread.userID).map(\.profile.linkedin)
            #expect(Set(slugs).count == slugs.count)
        }
        #expect(shapes == ["inbound first", "never answered", "answered", "several each way"])
        // Some message times are after 22:00 UTC: the next day in the vendor's UTC+02:00 zone.
        #expect(data.threads.flatMap(\.messages).contains { ($0.epoch % 86_400) >= 22 * 3_600 })

        // Every thread opened by the user has the message action that sent its opener.
        for thread in data.threads where thread.messages.first?.direction == .outbound {
            let action = data.actions.first {
                $0.userID == thread.userID && $0.type == .message && $0.linkedin == thread.profile.linkedin
                    && !$0.settlesAfterStart
            }
            #expect(action?.message == thread.messages.first?.content)
            #expect(action?.replied == thread.messages.contains { $0.direction == .inbound })
            #expect(action?.replyAt == thread.messages.first { $0.direction == .inbound }?.epoch)
        }
    }

    @Test func namesAndSlugsAreHostile() throws {
        let data = WeConnectGenerator().make()
        let names = data.threads.map(\.profile.name)
        let contents = data.threads.flatMap(\.messages).map(\.content)
        let texts = names + contents
        for needle in ["\"", ",", "\n", "<script>alert(1)</script>"] {
            #expect(texts.contains { $0.contains(needle) }, "\(needle)")
        }
        for start in ["=", "+", "-", "@"] {
            #expect(names.contains { $0.hasPrefix(start) }, "\(start)")
        }
        #expect(names.contains { $0.unicodeScalars.contains { $0.value > 0x400 } })
        let slugs = data.threads.map(\.profile.linkedin)
        #expect(slugs.allSatisfy { !$0.isEmpty && !$0.contains(" ") && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        #expect(slugs.contains { $0.contains("%C3%") })
        #expect(slugs.contains { $0 != $0.lowercased() })
        #expect(slugs.filter { $0 == $0.lowercased() && !$0.contains("%") }.count > slugs.count / 2)
        #expect(data.threads.contains { $0.profile.linkedin == "jos%C3%A9-garc%C3%ADa" })
        #expect(data.threads.contains { $0.profile.name.contains("Ö") || $0.profile.name.contains("Å") })
    }
}
