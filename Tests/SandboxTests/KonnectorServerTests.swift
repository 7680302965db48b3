import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct KonnectorServerTests {
    typealias HTTP = SandboxHTTP

    @Test func authenticationFollowsTheDocument() async throws {
        try await HTTP.withServer { server in
            let url = HTTP.url(server.konnectorBaseURL, "/user-campaign-filters")

            let missing = try await HTTP.send(url, key: nil)
            #expect(missing.status == 401)
            #expect(missing.json?.int("code") == 401)
            #expect(missing.json?["status"] as? Bool == false)
            #expect(missing.json?.string("message") == "Unauthorized access")
            #expect(missing.data?.string("error_code") == "INVALID_API_KEY")
            #expect(missing.data?.string("request_id")?.hasPrefix("req_") == true)
            #expect(missing.data?.string("timestamp")?.hasSuffix("+05:30") == true)
            #expect(missing.header("X-RateLimit-Limit-Minute") == "100")
            #expect(missing.header("X-RateLimit-Remaining-Day") != nil)

            let wrong = try await HTTP.send(url, key: "not-a-key")
            #expect(wrong.status == 401)
            #expect(wrong.data?.string("error") == "Invalid API key")
            #expect(wrong.data?.string("error_code") == "INVALID_API_KEY")

            let bearer = try await HTTP.send(url, key: "Bearer \(HTTP.apiKey)")
            #expect(bearer.status == 401)

            let good = try await HTTP.send(url)
            #expect(good.status == 200)
            #expect(good.json?.int("code") == 200)
            #expect(good.json?["status"] as? Bool == true)
            #expect(good.json?.string("message") == "Encrypted identifiers retrieved successfully")
            #expect(good.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(good.header("X-RateLimit-Remaining-Minute") != nil)

            let alternative = try await HTTP.send(url, keyHeader: "X-API-KEY")
            #expect(alternative.status == 200)
        }
    }

    @Test func filtersListEverythingWithHostileNamesIntact() async throws {
        try await HTTP.withServer { server in
            let result = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/user-campaign-filters"))
            let data = try #require(result.data)
            let users = try #require(data.objects("linkedin_users"))
            let routines = try #require(data.objects("campaign_routines"))
            #expect(users.map { $0.string("linkedin_user_information_id") } == server.konnector.senders.map(\.id))
            #expect(users.map { $0.string("name") } == server.konnector.senders.map(\.name))
            #expect(routines.map { $0.string("linkedin_campaign_routine_id") } == server.konnector.campaigns.map(\.id))
            #expect(routines.map { $0.string("name") } == server.konnector.campaigns.map(\.name))
            #expect(routines.map { $0.string("created_at") } == server.konnector.campaigns.map(\.createdAt))
            #expect(routines.first?.string("campaign_type") != nil)
            #expect(routines.first?.string("campaign_status") != nil)
            #expect(data.object("organisation")?.int("id") == server.konnector.organisation.id)
            #expect(data.object("organisation")?.string("subscription_status") == "active")
        }
    }

    @Test func aCampaignInfoPageHoldsUpTo100CampaignsWithTheirDaysOfTheRequestedRange() async throws {
        try await HTTP.withServer(SandboxConfiguration(scale: 10)) { server in
            let all = server.konnector.campaigns
            let (from, to) = ("2026-10-01", "2026-10-31")
            let full = try await HTTP.send("POST", HTTP.url(server.konnectorBaseURL, "/campaign-info"), json: [
                "limit": 100, "offset": 0, "start_date": from, "end_date": to,
            ])
            #expect(full.status == 200)
            let entries = try #require(full.data?.objects("campaign_info"))
            #expect(entries.count == 100)
            #expect(full.data?.object("pagination")?.int("total_pages") == (all.count + 99) / 100)
            for entry in entries {
                let id = try #require(entry.object("linkedin_campaign_routine")?.string("id"))
                let campaign = try #require(all.first { $0.id == id })
                let days = campaign.days.filter { $0.date >= from && $0.date <= to }
                let daily = try #require(entry.objects("daily_stats"))
                #expect(daily.map { $0.string("date") } == days.map(\.date))
                #expect(daily.map { $0.object("connections")?.int("accepted") } == days.map(\.requestsAccepted))
                #expect(daily.map { $0.object("messages")?.int("sent") } == days.map(\.messagesSent))
            }
            let over = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/campaign-info", [("limit", "101")]))
            #expect(over.status == 400)
            #expect(over.data?.string("error") == "limit must be an integer from 1 to 100")
        }
    }

    @Test func campaignInfoPagesCoverEveryCampaignOnce() async throws {
        try await HTTP.withServer(SandboxConfiguration(scale: 2)) { server in
            let all = server.konnector.campaigns
            var seen: [String] = []
            var offset = 0
            var page = 1
            while true {
                let result = try await HTTP.send(HTTP.url(
                    server.konnectorBaseURL, "/campaign-info", [("limit", "5"), ("offset", String(offset))]))
                #expect(result.status == 200)
                #expect(result.json?.string("message") == "Campaign info shared successfully")
                let data = try #require(result.data)
                #expect(data.int("total_campaign_routines_count") == all.count)
                let pagination = try #require(data.object("pagination"))
                #expect(pagination.int("current_page") == page)
                #expect(pagination.int("total_pages") == (all.count + 4) / 5)
                #expect(pagination.int("limit") == 5)
                #expect(pagination.int("offset") == offset)
                if offset == 0 {
                    #expect(pagination["prev_page_url"] is NSNull)
                } else {
                    #expect(pagination.string("prev_page_url")?.hasSuffix("offset=\(offset - 5)&limit=5") == true)
                }
                let entries = try #require(data.objects("campaign_info"))
                seen += entries.compactMap { $0.object("linkedin_campaign_routine")?.string("id") }
                guard let next = pagination.string("next_page_url") else {
                    #expect(pagination["next_page_url"] is NSNull)
                    break
                }
                #expect(next == "/konnector/social_app/api/v1/third_party/campaign-info?offset=\(offset + 5)&limit=5")
                // The link is host-relative: it resolves against the server's base URL.
                #expect(URL(string: next, relativeTo: server.konnectorBaseURL)?.absoluteURL.path
                    == server.konnectorBaseURL.path + "/campaign-info")
                offset += 5
                page += 1
                #expect(page <= 10)
                if page > 10 { break }
            }
            #expect(seen.count == all.count)
            #expect(Set(seen) == Set(all.map(\.id)))

            // Default order: created_at ascending, as instants (offsets differ).
            let ordered = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/campaign-info"))
            let stamps = try #require(ordered.data?.objects("campaign_info")).compactMap {
                $0.object("linkedin_campaign_routine")?.string("created_at")
            }
            let instants = stamps.compactMap(Self.instant)
            #expect(instants.count == all.count)
            #expect(instants == instants.sorted())
        }
    }

    @Test func campaignInfoFiguresMatchTheGenerator() async throws {
        try await HTTP.withServer { server in
            let campaign = try #require(server.konnector.campaigns.first { $0.days.count > 10 })
            let from = campaign.days[2].date, to = campaign.days[6].date
            let result = try await HTTP.send("POST", HTTP.url(server.konnectorBaseURL, "/campaign-info"), json: [
                "linkedin_user_information_ids": [campaign.senderID],
                "start_date": from, "end_date": to, "term": String(campaign.name.prefix(4)).uppercased(),
                "limit": 10, "offset": 0, "sort_by": "campaign_name", "sort_order": "desc",
            ])
            #expect(result.status == 200)
            let data = try #require(result.data)
            let entry = try #require(data.objects("campaign_info")?.first {
                $0.object("linkedin_campaign_routine")?.string("id") == campaign.id
            })
            #expect(entry.int("member_count") == campaign.memberCount)
            #expect(entry.int("friend_request_count") == campaign.requestsSent)
            #expect(entry.int("friend_accept_count") == campaign.requestsAccepted)
            #expect(entry.int("message_sent_count") == campaign.messagesSent)
            #expect(entry.int("message_replied_count") == campaign.messagesReplied)
            #expect(entry.double("connection_percentage") == campaign.connectionPercentage)
            #expect(entry.double("response_rate") == campaign.responseRate)
            #expect(entry.int("campaign_duration_days") == campaign.days.count)
            #expect(entry.object("linkedin_user")?.string("linkedin_user_information_id") == campaign.senderID)
            let daily = try #require(entry.objects("daily_stats"))
            #expect(daily.map { $0.string("date") } == campaign.days[2...6].map(\.date))
            #expect(daily.first?.object("connections")?.int("sent") == campaign.days[2].requestsSent)
            #expect(daily.first?.object("messages")?.int("replied") == campaign.days[2].messagesReplied)
            let filters = try #require(data.object("filters_applied"))
            #expect(filters.string("sort_order") == "desc")
            #expect(filters.string("start_date") == from)
            #expect((filters["linkedin_user_information_ids"] as? [String]) == [campaign.senderID])
        }
    }

    @Test func dashboardFiguresAreSumsOverTheGeneratorDays() async throws {
        try await HTTP.withServer { server in
            let dataset = server.konnector
            let sender = try #require(dataset.senders.first { $0.id.contains("+") || $0.id.contains("/") })
            let from = "2026-10-10", to = "2026-10-29"
            let days = dataset.campaigns(ofSender: sender.id).flatMap(\.days).filter { $0.date >= from && $0.date <= to }
            let requests = days.reduce(0) { $0 + $1.requestsSent }
            let accepts = days.reduce(0) { $0 + $1.requestsAccepted }
            let sent = days.reduce(0) { $0 + $1.messagesSent }
            let replied = days.reduce(0) { $0 + $1.messagesReplied }
            let members = days.reduce(0) { $0 + $1.membersAdded }
            #expect(requests > 0)

            let get = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/dashboard-info", [
                ("linkedin_user_information_ids[]", sender.id), ("start_date", from), ("end_date", to),
            ]))
            #expect(get.status == 200)
            #expect(get.json?.string("message") == "Dashboard details shared successfully")
            let data = try #require(get.data)
            let graph = try #require(data.object("connection_graph"))
            #expect(graph.int("total_friend_request_count") == requests)
            #expect(graph.int("total_friend_accept_count") == accepts)
            #expect(graph.int("pending_reject_count") == max(0, requests - accepts))
            #expect(graph.double("connection_percentage") == KonnectorRates.percent(accepts, of: requests))
            let requestSeries = try #require(graph.objects("request"))
            #expect(requestSeries.count == 20)
            #expect(requestSeries.first?.string("date") == from)
            #expect(requestSeries.reduce(0) { $0 + ($1.int("count_data") ?? 0) } == requests)
            #expect(try #require(graph.objects("accept")).reduce(0) { $0 + ($1.int("count_data") ?? 0) } == accepts)
            let messages = try #require(data.object("message_stats"))
            #expect(messages.int("sent") == sent)
            #expect(messages.int("replied") == replied)
            #expect(messages.double("response_rate") == KonnectorRates.percent(replied, of: sent))
            #expect(messages.objects("daily_stats")?.count == 20)
            #expect(data.object("campaign_member_info")?.int("total_member_count") == members)
            #expect(data.object("campaign_count_info")?.int("total") == dataset.campaigns(ofSender: sender.id).count)
            let performance = try #require(data.objects("user_performance"))
            #expect(performance.count == 1)
            #expect(performance.first?.string("linkedin_user_information_id") == sender.id)
            #expect(performance.first?.double("connection_rate") == KonnectorRates.percent(accepts, of: requests))
            #expect(data.string("request_id")?.hasPrefix("req_") == true)

            // The same question as POST, as repeated names, and comma-separated: same figures.
            let post = try await HTTP.send("POST", HTTP.url(server.konnectorBaseURL, "/dashboard-info"), json: [
                "linkedin_user_information_ids": [sender.id], "start_date": from, "end_date": to,
            ])
            #expect(post.data?.object("connection_graph")?.int("total_friend_request_count") == requests)
            let comma = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/dashboard-info", [
                ("linkedin_user_information_ids", sender.id + "," + dataset.senders[3].id),
                ("start_date", from), ("end_date", to),
            ]))
            #expect(comma.data?.object("connection_graph")?.int("total_friend_request_count") == requests)
            #expect(comma.data?.objects("user_performance")?.count == 2)

            // An id sent without percent-encoding loses its `+` (form decoding) and is unknown.
            if let plusSender = dataset.senders.first(where: { $0.id.contains("+") }),
               let raw = URL(string: server.konnectorBaseURL.absoluteString
                   + "/dashboard-info?linkedin_user_information_ids=" + plusSender.id) {
                let unencoded = try await HTTP.send(raw)
                #expect(unencoded.status == 400)
                #expect(unencoded.data?.string("error_code") == "INVALID_USER_IDS")
            }
        }
    }

    @Test func parameterErrorsAreDocumented400s() async throws {
        try await HTTP.withServer { server in
            let base = server.konnectorBaseURL
            let reversed = try await HTTP.send(HTTP.url(base, "/dashboard-info", [
                ("start_date", "2026-11-10"), ("end_date", "2026-11-01"),
            ]))
            #expect(reversed.status == 400)
            #expect(reversed.json?.string("message") == "Invalid date range")
            #expect(reversed.data?.string("error") == "End date cannot be before start date")
            #expect(reversed.data?.string("error_code") == "INVALID_DATE_RANGE")

            for bad in [
                HTTP.url(base, "/dashboard-info", [("start_date", "2026-02-30")]),
                HTTP.url(base, "/dashboard-info", [("end_date", "11/20/2026")]),
                HTTP.url(base, "/campaign-info", [("limit", "0")]),
                HTTP.url(base, "/campaign-info", [("limit", "101")]),
                HTTP.url(base, "/campaign-info", [("limit", "ten")]),
                HTTP.url(base, "/campaign-info", [("offset", "-1")]),
                HTTP.url(base, "/campaign-info", [("sort_order", "sideways")]),
            ] {
                let result = try await HTTP.send(bad)
                #expect(result.status == 400, "\(bad)")
                #expect(result.data?.string("error_code") == "INVALID_REQUEST")
            }

            let unknown = try await HTTP.send(HTTP.url(base, "/campaign-info", [
                ("linkedin_user_information_ids", "bm90LWFuLWlk"),
            ]))
            #expect(unknown.status == 400)
            #expect(unknown.json?.string("message") == "Invalid parameters")
            #expect(unknown.data?.string("error_code") == "INVALID_USER_IDS")

            let post = try await HTTP.send("POST", HTTP.url(base, "/campaign-info"), json: [
                "start_date": "2026-11-10", "end_date": "2026-11-01",
            ])
            #expect(post.data?.string("error_code") == "INVALID_DATE_RANGE")

            let missing = try await HTTP.send(HTTP.url(base, "/no-such-endpoint"))
            #expect(missing.status == 404)
            #expect(missing.json?.int("code") == 404)
            #expect(missing.json?["status"] as? Bool == false)
            #expect(missing.data?.string("error_code") == "NOT_FOUND")
            #expect(missing.data?.string("request_id") != nil)
            #expect(missing.header("X-RateLimit-Limit-Day") == "5000")
        }
    }

    @Test func optimizedRoutineDataMatchesTheGenerator() async throws {
        try await HTTP.withServer { server in
            let base = server.konnectorBaseURL
            let missing = try await HTTP.send(HTTP.url(base, "/optimized_routine_data"))
            #expect(missing.status == 400)

            let unknown = try await HTTP.send(HTTP.url(base, "/optimized_routine_data", [
                ("linkedin_campaign_routine_id", "U2FsdGVkX1unknown"),
            ]))
            #expect(unknown.status == 404)
            #expect(unknown.json?.int("code") == 404)
            #expect(unknown.data?.string("error_code") == "NOT_FOUND")

            let campaign = try #require(server.konnector.campaigns.first { $0.id.contains("+") })
            let result = try await HTTP.send(HTTP.url(base, "/optimized_routine_data", [
                ("linkedin_campaign_routine_id", campaign.id),
            ]))
            #expect(result.status == 200)
            let data = try #require(result.data)
            #expect(data.object("campaign_details")?.string("id") == campaign.id)
            #expect(data.object("campaign_details")?.string("name") == campaign.name)
            let metrics = try #require(data.object("performance_metrics"))
            #expect(metrics.int("member_count") == campaign.memberCount)
            let connections = try #require(metrics.object("connection_metrics"))
            #expect(connections.int("friend_request_count") == campaign.requestsSent)
            #expect(connections.int("friend_accept_count") == campaign.requestsAccepted)
            #expect(connections.int("pending_count") == campaign.requestsSent - campaign.requestsAccepted)
            #expect(connections.double("connection_percentage") == campaign.connectionPercentage)
            let connectionDays = try #require(connections.objects("daily_metrics"))
            #expect(connectionDays.count == campaign.days.count)
            #expect(connectionDays.reduce(0) { $0 + ($1.int("requests_sent") ?? 0) } == campaign.requestsSent)
            #expect(connectionDays.reduce(0) { $0 + ($1.int("requests_accepted") ?? 0) } == campaign.requestsAccepted)
            let messages = try #require(metrics.object("message_metrics"))
            #expect(messages.int("message_replied_count") == campaign.messagesReplied)
            #expect(messages.objects("daily_metrics")?.reduce(0) { $0 + ($1.int("sent") ?? 0) } == campaign.messagesSent)
            #expect(data.object("linkedin_user")?.string("linkedin_user_information_id") == campaign.senderID)
        }
    }

    @Test func onlyTheAdminCreatesKeysAndNewKeysWork() async throws {
        try await HTTP.withServer { server in
            let url = HTTP.url(server.konnectorBaseURL, "/create-api-key")
            let body: [String: Any] = ["organisation_id": server.konnector.organisation.id, "description": "CRM"]
            let member = try await HTTP.send("POST", url, json: body)
            #expect(member.status == 401)
            #expect(member.data?.string("error_code") == "UNAUTHORIZED_ACCESS")

            let admin = try await HTTP.send("POST", url, key: HTTP.adminKey, json: body)
            #expect(admin.status == 200)
            #expect(admin.json?.string("message") == "API key created successfully")
            let data = try #require(admin.data)
            #expect(data.string("description") == "CRM")
            #expect(data.int("organisation_id") == server.konnector.organisation.id)
            #expect((data["permissions"] as? [String]) == ["read", "write"])
            let key = try #require(data.string("api_key"))

            let filters = HTTP.url(server.konnectorBaseURL, "/user-campaign-filters")
            #expect(try await HTTP.send(filters, key: key).status == 200)

            let log = await server.requests()
            #expect(log.count == 3)
            #expect(log.map(\.endpoint) == ["/create-api-key", "/create-api-key", "/user-campaign-filters"])
            #expect(log.map(\.status) == [401, 200, 200])
            #expect(log.allSatisfy { $0.path.hasPrefix(SandboxServer.konnectorPathPrefix) })
            #expect(!"\(log)".contains(key))
            #expect(!"\(log)".contains(HTTP.apiKey))
        }
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
