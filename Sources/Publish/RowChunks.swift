import Foundation
import GRDB
import GRDBSQLite

/// The rows of one query as chunks of COPY text, read on a thread of their own from a snapshot of the warehouse
/// while the chunks before are sent: at most `depth` chunks wait at once, so a table of any length is published in
/// bounded memory.
final class RowChunks: AsyncSequence, @unchecked Sendable {
    typealias Element = [UInt8]

    static let chunkBytes = 1 << 20
    static let depth = 4

    private let stream: AsyncThrowingStream<[UInt8], any Error>
    private let slots = DispatchSemaphore(value: depth)
    private let stopped = Locked(false)
    /// Rows read so far; final once the sequence ends.
    let rows = Locked(0)

    init(_ reader: any DatabaseReader, sql: String) {
        var continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation!
        stream = AsyncThrowingStream { continuation = $0 }
        let slots = slots, stopped = stopped, rows = rows
        let thread = Thread { [continuation] in
            do {
                try reader.read { db in
                    let statement = try db.makeStatement(sql: sql)
                    let handle = statement.sqliteStatement
                    let columns = sqlite3_column_count(handle)
                    var buffer: [UInt8] = []
                    buffer.reserveCapacity(Self.chunkBytes + 4096)
                    var count = 0
                    func send() {
                        rows.withLock { $0 = count }
                        slots.wait()
                        guard !stopped.withLock({ $0 }) else { return }
                        continuation?.yield(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                    while true {
                        let code = sqlite3_step(handle)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else {
                            throw DatabaseError(
                                resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
                        }
                        COPYText.appendRow(of: handle, columns: columns, to: &buffer)
                        count += 1
                        if buffer.count >= Self.chunkBytes {
                            send()
                            guard !stopped.withLock({ $0 }) else { return }
                        }
                    }
                    if !buffer.isEmpty { send() }
                    rows.withLock { $0 = count }
                }
                continuation?.finish()
            } catch {
                continuation?.finish(throwing: error)
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Ends the reading thread early (the send failed): it stops at its next chunk.
    func stop() {
        stopped.withLock { $0 = true }
        for _ in 0..<Self.depth { slots.signal() }
    }

    /// Frees a slot once a chunk is sent.
    func sent() { slots.signal() }

    func makeAsyncIterator() -> AsyncThrowingStream<[UInt8], any Error>.AsyncIterator { stream.makeAsyncIterator() }
}

/// A value read and changed from several threads under a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}
