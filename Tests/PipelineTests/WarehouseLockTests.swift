import Foundation
import Pipeline
import TestSupport
import Testing

/// The run lock: held means busy; a lock file that cannot be made is its own error, not "busy".
@Suite struct WarehouseLockTests {
    @Test func aLockFileThatCannotBeCreatedNamesThePathAndTheCause() throws {
        let directory = try TemporaryDirectory("lock-unavailable")
        defer { directory.remove() }
        // Something that is not a file stands where the lock goes (no permission bits involved, so
        // this holds for root too).
        let lockPath = directory.file("warehouse.sqlite.lock").path
        try FileManager.default.createDirectory(atPath: lockPath, withIntermediateDirectories: false)
        let error = #expect(throws: WarehouseLock.Unavailable.self) { try WarehouseLock(warehouse: directory.file("warehouse.sqlite")) }
        #expect(error?.description == "cannot create the run lock \(lockPath): Is a directory")
    }

    @Test func aHeldLockIsBusyUntilReleasedFromAnyThreadAnyNumberOfTimes() async throws {
        let directory = try TemporaryDirectory("lock-busy")
        defer { directory.remove() }
        let warehouse = directory.file("warehouse.sqlite")
        let lock = try WarehouseLock(warehouse: warehouse)
        let busy = #expect(throws: WarehouseLock.Busy.self) { try WarehouseLock(warehouse: warehouse) }
        #expect(busy?.description.contains("pid \(getpid())") == true, "\(busy?.description ?? "")")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { lock.release() } }
        }
        let again = try WarehouseLock(warehouse: warehouse)
        again.release()
    }
}
