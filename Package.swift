// swift-tools-version:6.0
import PackageDescription

/// One set of compiler settings shared by every target.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "OutreachETL",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "etl", targets: ["etl"]),
        .executable(name: "etl-bench", targets: ["etl-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // Already in the graph through Hummingbird: the extractors' HTTP client.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        // Already in the graph through postgres-nio and the WebSocket client: TLS to a destination.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        // Already in the graph through postgres-nio: SHA-256 for content hashes, HMAC for the sandbox's signatures.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            // Days, timestamps and durations: the one implementation every other module uses.
            name: "Chronology",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Warehouse",
            // GRDBSQLite: stored views are compared and copied row by row through SQLite's own values (StoredView).
            dependencies: ["Chronology", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            // Each vendor's vocabulary (its kind, endpoints, id spellings, event names, authentication), once,
            // for every stage.
            name: "Vendors",
            dependencies: ["Warehouse"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Extract",
            dependencies: [
                "Warehouse", "Vendors",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "WSClient", package: "swift-websocket"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Transform",
            dependencies: ["Warehouse", "Vendors"],
            // The reply rules are data, read at start: editing them changes their version, which reclassifies.
            resources: [.copy("Replies/reply-phrases.txt")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Report",
            // GRDBSQLite: a view's rows are read into cells straight from the statement's columns (ReportView.cursor).
            dependencies: ["Warehouse", "Chronology", "CXLSXWriter", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Publish",
            dependencies: [
                "Warehouse", "Report",
                // GRDBSQLite: rows are encoded for COPY straight from the statement's columns (COPYText).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "Chronology",
                // LoopbackHTTP: webhooks delivered, and the tests' requests to the emulators.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Chronology", "Warehouse", "Vendors", "Extract", "Transform", "Report", "Publish",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            // `etl demo`: the pipeline wired to the sandbox's emulated vendors, apart from the production modules.
            name: "Demo",
            dependencies: [
                "Chronology", "Pipeline", "Sandbox", "Vendors", "Warehouse", "Extract",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "etl",
            dependencies: [
                "Pipeline", "Demo", "Sandbox", "Warehouse", "Vendors", "Extract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "etl-bench",
            dependencies: [
                "Pipeline", "Demo", "Sandbox", "Warehouse", "Vendors", "Extract", "Transform", "Report", "Publish", "CXLSXWriter",
                // TestSupport: the throwaway PostgreSQL cluster the publish stage is measured against.
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Sources/Bench",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Chronology", "Sandbox", "Warehouse", "Vendors", "Extract", "Pipeline", "Report"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExtractTests",
            dependencies: ["Extract", "Vendors", "Sandbox", "Warehouse", "Pipeline", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TransformTests",
            // GRDBSQLite: the view growth tests read SQLite's step counter (sqlite3_stmt_status).
            dependencies: ["Transform", "Vendors", "Extract", "Sandbox", "Warehouse", "Pipeline", "Demo", "TestSupport",
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            // The labelled reply corpus the reply rules are measured on.
            resources: [.copy("Resources/reply-corpus.tsv")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Warehouse", "Chronology", "ZIPFoundation"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronologyTests",
            dependencies: ["Chronology"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox", "Chronology",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PublishTests",
            dependencies: ["Publish", "Pipeline", "Sandbox", "Warehouse", "TestSupport",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Vendors", "Warehouse", "Sandbox", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Pipeline", "Sandbox", "Extract", "Warehouse", "TestSupport", "ZIPFoundation"],
            swiftSettings: swiftSettings
        ),
    ]
)
