import Warehouse

extension Warehouse {
    /// Every row of `view`, each cell as text (NULL as "∅"), in the view's order.
    public func rows(of view: String) throws -> [[String]] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(view.quotedDatabaseIdentifier)").map { row in
                row.databaseValues.map { $0.isNull ? "∅" : $0.description }
            }
        }
    }
}
