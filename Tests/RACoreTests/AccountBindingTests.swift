import Foundation
import RACore
import Testing

/// A data dir remembers the account and region it was first opened with; later commands use
/// them and refuse explicit flags that differ.
struct AccountBindingTests {
    static let defaults = AccountBinding(accountId: "123456789012", region: "us-east-1")

    @Test("the first command records its values; a later one without flags gets them, not the defaults")
    func recordedThenReused() throws {
        let store = InMemoryStore()
        #expect(try AccountBinding.recorded(in: store) == nil)
        let first = try AccountBinding.resolve(in: store, accountId: "999999999999", region: "eu-central-1",
                                               defaults: Self.defaults, record: true)
        #expect(first == AccountBinding(accountId: "999999999999", region: "eu-central-1"))
        #expect(try store.read { try $0.setting("accountId") } == "999999999999")
        #expect(try store.read { try $0.setting("region") } == "eu-central-1")

        let later = try AccountBinding.resolve(in: store, accountId: nil, region: nil, defaults: Self.defaults, record: true)
        #expect(later == first)
        let same = try AccountBinding.resolve(in: store, accountId: "999999999999", region: nil, defaults: Self.defaults, record: true)
        #expect(same == first)
    }

    @Test("a new data dir opened without flags is bound to the defaults")
    func defaultsRecorded() throws {
        let store = InMemoryStore()
        #expect(try AccountBinding.resolve(in: store, accountId: nil, region: nil, defaults: Self.defaults, record: true) == Self.defaults)
        #expect(try AccountBinding.recorded(in: store) == Self.defaults)
    }

    @Test("without record, nothing is written")
    func readOnly() throws {
        let store = InMemoryStore()
        let resolved = try AccountBinding.resolve(in: store, accountId: "111111111111", region: nil, defaults: Self.defaults, record: false)
        #expect(resolved == AccountBinding(accountId: "111111111111", region: "us-east-1"))
        #expect(try AccountBinding.recorded(in: store) == nil)
    }

    @Test("an explicit value that differs from the recorded one is refused, naming both", arguments: [
        ("999999999999", "us-east-1",
         "this data dir belongs to account 999999999999 in eu-central-1; --region us-east-1 differs (omit the flag to use the data dir's, or give another --data-dir)"),
        ("123456789012", "eu-central-1",
         "this data dir belongs to account 999999999999 in eu-central-1; --account-id 123456789012 differs (omit the flag to use the data dir's, or give another --data-dir)"),
        ("123456789012", "us-east-1",
         "this data dir belongs to account 999999999999 in eu-central-1; --account-id 123456789012 and --region us-east-1 differ (omit the flag to use the data dir's, or give another --data-dir)"),
    ])
    func mismatch(_ accountId: String, _ region: String, _ message: String) throws {
        let store = InMemoryStore()
        _ = try AccountBinding.resolve(in: store, accountId: "999999999999", region: "eu-central-1", defaults: Self.defaults, record: true)
        let revision = try store.revision()
        let error = try #require(throws: AccountBindingMismatch.self) {
            try AccountBinding.resolve(in: store, accountId: accountId, region: region, defaults: Self.defaults, record: true)
        }
        #expect(error.message == message)
        #expect(try store.revision() == revision)
        #expect(try AccountBinding.recorded(in: store) == AccountBinding(accountId: "999999999999", region: "eu-central-1"))
    }
}
