import Synchronization

/// Read connections, handed out one per caller so reads run in parallel with each other and with a
/// write in progress (WAL gives each its own snapshot). Idle connections are kept up to `capacity`.
final class ConnectionPool: Sendable {
    private let idle = Mutex<[SQLiteConnection]>([])
    private let capacity: Int
    private let open: @Sendable () throws -> SQLiteConnection

    init(capacity: Int, open: @escaping @Sendable () throws -> SQLiteConnection) {
        self.capacity = capacity
        self.open = open
    }

    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? open()
        defer { giveBack(connection) }
        return try body(connection)
    }

    private func giveBack(_ connection: SQLiteConnection) {
        connection.rollbackIfNeeded()
        // A connection stuck in a transaction would pin an old snapshot; drop it instead.
        guard !connection.isInTransaction else { return }
        idle.withLock { connections in
            if connections.count < capacity { connections.append(connection) }
        }
    }
}
