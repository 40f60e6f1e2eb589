import Foundation
import RACore

/// The behaviour every `Store` backend must share, written once and run against each of them
/// (`InMemoryStore` defines the semantics; durable backends must match it).
///
/// The checks throw `StoreConformance.Failure` rather than using a test framework, so any test
/// target can run them: `try check.run(on: store)` inside a `@Test`, one test per check with
/// `@Test(arguments: StoreConformance.checks)`, or everything at once with `run(_:)`.
/// Dates are whole seconds: that is the precision every backend must keep.
public enum StoreConformance {
    /// One named behaviour, run against a fresh, empty store.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let body: @Sendable (any Store) throws -> Void

        public var description: String { name }

        /// Runs the check; a failure names the check and the broken expectation.
        public func run(on store: any Store) throws {
            do {
                try body(store)
            } catch let failure as Failure {
                throw Failure("\(name): \(failure.message)")
            } catch {
                throw Failure("\(name): unexpected error \(error)")
            }
        }
    }

    /// A broken expectation, with the line of this file that states it.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Every check, each on a store from `makeStore`; throws one failure listing all that failed.
    public static func run(_ makeStore: () throws -> any Store) throws {
        var failures: [String] = []
        for check in checks {
            do {
                try check.run(on: try makeStore())
            } catch {
                failures.append(String(describing: error))
            }
        }
        guard failures.isEmpty else {
            throw Failure("\(failures.count) of \(checks.count) store checks failed:\n" + failures.joined(separator: "\n"))
        }
    }

    public static let checks: [Check] = [
        Check(name: "trust anchors: put, get, replace, list in creation order, delete", body: trustAnchors),
        Check(name: "profiles: put, get, replace, list in creation order, delete", body: profiles),
        Check(name: "CRLs: put, get, list, delete; bytes kept exactly", body: revocationLists),
        Check(name: "roles: keyed by case-insensitive name, listed by name", body: roles),
        Check(name: "subjects: by id, by exact DN, updated in place", body: subjects),
        Check(name: "stacks: put, get, replace, delete", body: stacks),
        Check(name: "settings: set, overwrite, empty value, clear", body: settings),
        Check(name: "write: a throwing closure leaves nothing behind", body: writeAtomicity),
        Check(name: "read and write return the closure's value; a write sees its own changes", body: closureResults),
        Check(name: "revision: bumped by configuration writes only", body: revisionBumps),
        Check(name: "audit: append order, since, limit, round trip", body: audit),
    ]
}

// MARK: - Checks

extension StoreConformance {
    static func trustAnchors(_ store: any Store) throws {
        let bundle = Fixtures.anchor(id: "ta-b", createdAt: Fixtures.time(0), full: true)
        let pca = Fixtures.anchor(id: "ta-a", createdAt: Fixtures.time(60), full: false)
        try store.write { try $0.put(pca); try $0.put(bundle) }
        try store.read { reader in
            try expect(try reader.trustAnchor(id: "ta-b"), bundle, "full anchor round trip")
            try expect(try reader.trustAnchor(id: "ta-a"), pca, "minimal anchor round trip")
            try expect(try reader.trustAnchor(id: "ta-missing"), nil, "missing anchor")
            try expect(try reader.trustAnchors().map(\.trustAnchorId), ["ta-b", "ta-a"], "anchors ordered by createdAt")
        }
        var renamed = pca
        renamed.name = "renamed"
        renamed.enabled = true
        renamed.updatedAt = Fixtures.time(120)
        try store.write { try $0.put(renamed) }
        try expect(try store.read { try $0.trustAnchor(id: "ta-a") }, .some(renamed), "replaced anchor")
        try expect(try store.read { try $0.trustAnchors().count }, 2, "replacing does not add")
        try store.write { try $0.deleteTrustAnchor(id: "ta-b"); try $0.deleteTrustAnchor(id: "ta-missing") }
        try expect(try store.read { try $0.trustAnchor(id: "ta-b") }, nil, "deleted anchor")
        try expect(try store.read { try $0.trustAnchors() }, [renamed], "anchors after delete")
    }

    static func profiles(_ store: any Store) throws {
        let full = Fixtures.profile(id: "p-2", createdAt: Fixtures.time(30), full: true)
        let minimal = Fixtures.profile(id: "p-1", createdAt: Fixtures.time(90), full: false)
        try store.write { try $0.put(minimal); try $0.put(full) }
        try store.read { reader in
            try expect(try reader.profile(id: "p-2"), full, "full profile round trip")
            try expect(try reader.profile(id: "p-1"), minimal, "minimal profile round trip")
            try expect(try reader.profile(id: "p-missing"), nil, "missing profile")
            try expect(try reader.profiles().map(\.profileId), ["p-2", "p-1"], "profiles ordered by createdAt")
        }
        var changed = full
        changed.sessionPolicy = nil
        changed.attributeMappings = []
        changed.durationSeconds = 900
        try store.write { try $0.put(changed) }
        try expect(try store.read { try $0.profile(id: "p-2") }, .some(changed), "replaced profile")
        try store.write { try $0.deleteProfile(id: "p-1"); try $0.deleteProfile(id: "p-missing") }
        try expect(try store.read { try $0.profiles() }, [changed], "profiles after delete")
    }

    static func revocationLists(_ store: any Store) throws {
        let allBytes = Fixtures.revocationList(id: "crl-1", createdAt: Fixtures.time(10), bytes: (0...255).map { UInt8($0) })
        let empty = Fixtures.revocationList(id: "crl-0", createdAt: Fixtures.time(5), bytes: [])
        try store.write { try $0.put(allBytes); try $0.put(empty) }
        try store.read { reader in
            try expect(try reader.revocationList(id: "crl-1"), allBytes, "CRL with every byte value")
            try expect(try reader.revocationList(id: "crl-1")?.crlData.count, 256, "CRL byte count")
            try expect(try reader.revocationList(id: "crl-0"), empty, "CRL with no bytes")
            try expect(try reader.revocationList(id: "crl-missing"), nil, "missing CRL")
            try expect(try reader.revocationLists().map(\.crlId), ["crl-0", "crl-1"], "CRLs ordered by createdAt")
        }
        var disabled = allBytes
        disabled.enabled = false
        disabled.crlData = [0x30, 0x00]
        try store.write { try $0.put(disabled) }
        try expect(try store.read { try $0.revocationList(id: "crl-1") }, .some(disabled), "replaced CRL")
        try store.write { try $0.deleteRevocationList(id: "crl-0"); try $0.deleteRevocationList(id: "crl-missing") }
        try expect(try store.read { try $0.revocationLists() }, [disabled], "CRLs after delete")
    }

    static func roles(_ store: any Store) throws {
        let deploy = Fixtures.role(name: "Deploy", full: true)
        let admin = Fixtures.role(name: "admin", full: false)
        let zeta = Fixtures.role(name: "Zeta", full: false)
        try store.write { try $0.put(admin); try $0.put(deploy); try $0.put(zeta) }
        try store.read { reader in
            try expect(try reader.role(name: "Deploy"), deploy, "full role round trip")
            try expect(try reader.role(name: "DEPLOY"), deploy, "role by upper-cased name")
            try expect(try reader.role(name: "deploy"), deploy, "role by lower-cased name")
            try expect(try reader.role(name: "ADMIN"), admin, "minimal role round trip")
            try expect(try reader.role(name: "nobody"), nil, "missing role")
            try expect(try reader.roles().map(\.roleName), ["Deploy", "Zeta", "admin"], "roles ordered by name")
        }
        let recased = Fixtures.role(name: "DEPLOY", full: false)
        try store.write { try $0.put(recased) }
        try store.read { reader in
            try expect(try reader.role(name: "Deploy"), recased, "put with another case replaces")
            try expect(try reader.roles().count, 3, "no duplicate for another case")
        }
        try store.write { try $0.deleteRole(name: "dEpLoY"); try $0.deleteRole(name: "nobody") }
        try expect(try store.read { try $0.role(name: "DEPLOY") }, nil, "deleted by any case")
        try expect(try store.read { try $0.roles().map(\.roleName) }, ["Zeta", "admin"], "roles after delete")
    }

    static func subjects(_ store: any Store) throws {
        let alice = Fixtures.subject(id: "sub-1", dn: "CN=Alice Ä,O=Example\\, Inc.,C=US", createdAt: Fixtures.time(20), full: true)
        let bob = Fixtures.subject(id: "sub-2", dn: "CN=bob", createdAt: Fixtures.time(0), full: false)
        try store.write { try $0.put(alice); try $0.put(bob) }
        try store.read { reader in
            try expect(try reader.subject(id: "sub-1"), alice, "full subject round trip")
            try expect(try reader.subject(id: "sub-2"), bob, "minimal subject round trip")
            try expect(try reader.subject(id: "sub-missing"), nil, "missing subject")
            try expect(try reader.subject(x509Subject: alice.x509Subject), alice, "subject by DN")
            try expect(try reader.subject(x509Subject: "CN=bob"), bob, "second subject by DN")
            try expect(try reader.subject(x509Subject: "CN=Bob"), nil, "DN lookup is exact, not case-insensitive")
            try expect(try reader.subject(x509Subject: "CN=nobody"), nil, "unknown DN")
            try expect(try reader.subjects().map(\.subjectId), ["sub-2", "sub-1"], "subjects ordered by createdAt")
        }
        var seenAgain = alice
        seenAgain.lastSeenAt = Fixtures.time(500)
        seenAgain.credentials.append(.init(serialNumber: "99", issuer: "CN=CA 2", x509CertificateData: "MIIB",
                                           seenAt: Fixtures.time(500), failed: true, enabled: false))
        var renamedBob = bob
        renamedBob.x509Subject = "CN=robert"
        try store.write { try $0.put(seenAgain); try $0.put(renamedBob) }
        try store.read { reader in
            try expect(try reader.subject(x509Subject: alice.x509Subject), seenAgain, "updated subject by DN")
            try expect(try reader.subject(x509Subject: "CN=bob"), nil, "old DN after the subject's DN changed")
            try expect(try reader.subject(x509Subject: "CN=robert"), renamedBob, "new DN")
            try expect(try reader.subjects().count, 2, "updates do not add subjects")
        }
    }

    static func stacks(_ store: any Store) throws {
        let stack = Fixtures.stack(name: "ops", resources: 2)
        let empty = Fixtures.stack(name: "empty", resources: 0)
        try store.write { try $0.put(stack); try $0.put(empty) }
        try expect(try store.read { try $0.stack(name: "ops") }, .some(stack), "stack round trip")
        try expect(try store.read { try $0.stack(name: "empty") }, .some(empty), "empty stack round trip")
        try expect(try store.read { try $0.stack(name: "missing") }, nil, "missing stack")
        var updated = stack
        updated.resources.removeFirst()
        updated.outputs = [:]
        try store.write { try $0.put(updated) }
        try expect(try store.read { try $0.stack(name: "ops") }, .some(updated), "replaced stack")
        try store.write { try $0.deleteStack(name: "ops"); try $0.deleteStack(name: "missing") }
        try expect(try store.read { try $0.stack(name: "ops") }, nil, "deleted stack")
        try expect(try store.read { try $0.stack(name: "empty") }, .some(empty), "other stack kept")
    }

    static func settings(_ store: any Store) throws {
        try expect(try store.read { try $0.setting("bootstrap") }, nil, "unset setting")
        try store.write { try $0.setSetting("bootstrap", "pending"); try $0.setSetting("blank", "") }
        try expect(try store.read { try $0.setting("bootstrap") }, "pending", "set setting")
        try expect(try store.read { try $0.setting("blank") }, "", "empty value is kept, not cleared")
        try expect(try store.read { try $0.setting("Bootstrap") }, nil, "keys are case-sensitive")
        try store.write { try $0.setSetting("bootstrap", "done ✓\nline two") }
        try expect(try store.read { try $0.setting("bootstrap") }, "done ✓\nline two", "overwritten setting")
        try store.write { try $0.setSetting("bootstrap", nil); try $0.setSetting("never-set", nil) }
        try expect(try store.read { try $0.setting("bootstrap") }, nil, "cleared setting")
        try expect(try store.read { try $0.setting("blank") }, "", "other setting kept")
    }

    static func writeAtomicity(_ store: any Store) throws {
        let kept = Fixtures.anchor(id: "ta-kept", createdAt: Fixtures.time(0), full: true)
        let keptProfile = Fixtures.profile(id: "p-kept", createdAt: Fixtures.time(0), full: false)
        try store.write { try $0.put(kept); try $0.put(keptProfile); try $0.setSetting("mode", "original") }
        let revision = try store.revision()
        var changedAnchor = kept
        changedAnchor.name = "must not survive"
        do {
            try store.write { writer in
                try writer.put(changedAnchor)
                try writer.deleteProfile(id: "p-kept")
                try writer.put(Fixtures.anchor(id: "ta-new", createdAt: Fixtures.time(1), full: false))
                try writer.put(Fixtures.revocationList(id: "crl-new", createdAt: Fixtures.time(1), bytes: [1, 2]))
                try writer.put(Fixtures.role(name: "NewRole", full: true))
                try writer.put(Fixtures.subject(id: "sub-new", dn: "CN=new", createdAt: Fixtures.time(1), full: true))
                try writer.put(Fixtures.stack(name: "new", resources: 1))
                try writer.setSetting("mode", "changed")
                try expect(try writer.trustAnchor(id: "ta-new")?.trustAnchorId, "ta-new", "write sees its own put")
                throw Abort()
            }
            throw Failure("write swallowed the closure's error")
        } catch is Abort {}
        try store.read { reader in
            try expect(try reader.trustAnchors(), [kept], "anchors after failed write")
            try expect(try reader.profiles(), [keptProfile], "profiles after failed write")
            try expect(try reader.revocationLists(), [], "CRLs after failed write")
            try expect(try reader.roles(), [], "roles after failed write")
            try expect(try reader.subjects(), [], "subjects after failed write")
            try expect(try reader.stack(name: "new"), nil, "stack after failed write")
            try expect(try reader.setting("mode"), "original", "setting after failed write")
        }
        try expect(try store.revision(), revision, "revision after failed write")
    }

    static func closureResults(_ store: any Store) throws {
        let count = try store.write { writer -> Int in
            try writer.put(Fixtures.anchor(id: "ta-1", createdAt: Fixtures.time(0), full: false))
            try writer.put(Fixtures.role(name: "Reader", full: false))
            return try writer.trustAnchors().count + (try writer.role(name: "reader") == nil ? 0 : 10)
        }
        try expect(count, 11, "value returned by write")
        try expect(try store.read { try $0.trustAnchor(id: "ta-1")?.name }, "anchor ta-1", "value returned by read")
    }

    static func revisionBumps(_ store: any Store) throws {
        try store.write { writer in
            try writer.put(Fixtures.anchor(id: "ta-1", createdAt: Fixtures.time(0), full: false))
            try writer.put(Fixtures.profile(id: "p-1", createdAt: Fixtures.time(0), full: false))
            try writer.put(Fixtures.revocationList(id: "crl-1", createdAt: Fixtures.time(0), bytes: [1]))
            try writer.put(Fixtures.role(name: "R", full: false))
            try writer.put(Fixtures.stack(name: "s", resources: 1))
            try writer.setSetting("k", "v")
        }
        let cases: [(String, Bool, (any StoreWriter) throws -> Void)] = [
            ("put anchor", true, { try $0.put(Fixtures.anchor(id: "ta-2", createdAt: Fixtures.time(1), full: true)) }),
            ("delete anchor", true, { try $0.deleteTrustAnchor(id: "ta-1") }),
            ("put profile", true, { try $0.put(Fixtures.profile(id: "p-2", createdAt: Fixtures.time(1), full: true)) }),
            ("delete profile", true, { try $0.deleteProfile(id: "p-1") }),
            ("put CRL", true, { try $0.put(Fixtures.revocationList(id: "crl-2", createdAt: Fixtures.time(1), bytes: [2])) }),
            ("delete CRL", true, { try $0.deleteRevocationList(id: "crl-1") }),
            ("put role", true, { try $0.put(Fixtures.role(name: "Other", full: true)) }),
            ("delete role", true, { try $0.deleteRole(name: "r") }),
            ("put stack", true, { try $0.put(Fixtures.stack(name: "t", resources: 2)) }),
            ("delete stack", true, { try $0.deleteStack(name: "s") }),
            ("set setting", true, { try $0.setSetting("k", "w") }),
            ("clear setting", true, { try $0.setSetting("k", nil) }),
            ("several changes", true, { try $0.setSetting("a", "1"); try $0.setSetting("b", "2") }),
            ("put subject", false, { try $0.put(Fixtures.subject(id: "sub-1", dn: "CN=s", createdAt: Fixtures.time(0), full: true)) }),
            ("empty write", false, { _ in }),
            ("reads only", false, { _ = try $0.trustAnchors(); _ = try $0.setting("k") }),
        ]
        for (label, bumps, body) in cases {
            let before = try store.revision()
            try store.write(body)
            let after = try store.revision()
            if bumps {
                try check(after > before, "\(label) should raise the revision (\(before) → \(after))")
            } else {
                try expect(after, before, "\(label) must not change the revision")
            }
        }
        let before = try store.revision()
        _ = try store.read { try $0.trustAnchors() }
        try store.appendAudit([Fixtures.auditRecord(id: "e", at: Fixtures.time(0), full: false)])
        try expect(try store.revision(), before, "reads and audit appends must not change the revision")
    }

    static func audit(_ store: any Store) throws {
        try expect(try store.auditRecords(since: nil, limit: nil), [], "empty audit trail")
        let first = [
            Fixtures.auditRecord(id: "e1", at: Fixtures.time(10), full: true),
            Fixtures.auditRecord(id: "e2", at: Fixtures.time(0), full: false),
            Fixtures.auditRecord(id: "e3", at: Fixtures.time(20), full: true),
        ]
        let second = [
            Fixtures.auditRecord(id: "e4", at: Fixtures.time(30), full: false),
            Fixtures.auditRecord(id: "e5", at: Fixtures.time(20), full: true, certificateExpiry: nil),
        ]
        try store.appendAudit(first)
        try store.appendAudit([])
        try store.appendAudit(second)
        try expect(try store.auditRecords(since: nil, limit: nil), first + second, "all records, in append order")
        let ids: (Date?, Int?) throws -> [String] = { try store.auditRecords(since: $0, limit: $1).map(\.eventId) }
        let table: [(Date?, Int?, [String])] = [
            (Fixtures.time(20), nil, ["e3", "e4", "e5"]),
            (Fixtures.time(11), nil, ["e3", "e4", "e5"]),
            (Fixtures.time(0), nil, ["e1", "e2", "e3", "e4", "e5"]),
            (Fixtures.time(31), nil, []),
            (nil, 2, ["e4", "e5"]),
            (nil, 0, []),
            (nil, 9, ["e1", "e2", "e3", "e4", "e5"]),
            (Fixtures.time(10), 2, ["e4", "e5"]),
            (Fixtures.time(10), 4, ["e1", "e3", "e4", "e5"]),
            (Fixtures.time(25), 5, ["e4"]),
        ]
        for (since, limit, expected) in table {
            try expect(try ids(since, limit), expected, "audit since \(since.map { "\($0)" } ?? "nil") limit \(limit.map { "\($0)" } ?? "nil")")
        }
    }

    private struct Abort: Error {}

    private static func expect<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: UInt = #line) throws {
        guard actual == expected else {
            throw Failure("\(what) (StoreConformance.swift:\(line)): expected \(expected), got \(actual)")
        }
    }

    private static func check(_ condition: Bool, _ what: String, line: UInt = #line) throws {
        guard condition else { throw Failure("\(what) (StoreConformance.swift:\(line))") }
    }
}

// MARK: - Fixtures

extension StoreConformance {
    /// Records with every field set (`full`) or every optional field nil, at whole-second times.
    enum Fixtures {
        static func time(_ offset: Int) -> Date { Date(timeIntervalSince1970: 1_767_225_600 + TimeInterval(offset)) }

        static func anchor(id: String, createdAt: Date, full: Bool) -> TrustAnchor {
            let arn = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/\(id)"
            guard full else {
                return TrustAnchor(trustAnchorId: id, trustAnchorArn: arn, name: "anchor \(id)", enabled: false,
                                   source: .init(sourceType: .awsAcmPca, acmPcaArn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/x"),
                                   notificationSettings: [], createdAt: createdAt, updatedAt: createdAt)
            }
            let pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"
            return TrustAnchor(
                trustAnchorId: id, trustAnchorArn: arn, name: "anchor \(id)", enabled: true,
                source: .init(sourceType: .certificateBundle, x509CertificateData: pem),
                notificationSettings: NotificationSetting.defaults + [
                    NotificationSetting(enabled: false, event: "CA_CERTIFICATE_EXPIRY", threshold: nil, channel: nil, configuredBy: nil),
                ],
                tags: [Tag(key: "team", value: "platform"), Tag(key: "empty", value: "")],
                createdAt: createdAt, updatedAt: createdAt.addingTimeInterval(3600))
        }

        static func profile(id: String, createdAt: Date, full: Bool) -> Profile {
            let arn = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/\(id)"
            guard full else {
                return Profile(profileId: id, profileArn: arn, name: "profile \(id)", enabled: false, roleArns: [],
                               attributeMappings: [], createdAt: createdAt, updatedAt: createdAt)
            }
            return Profile(
                profileId: id, profileArn: arn, name: "profile \(id)", enabled: true,
                roleArns: ["arn:aws:iam::123456789012:role/A", "arn:aws:iam::123456789012:role/B"],
                durationSeconds: 43200, acceptRoleSessionName: true, requireInstanceProperties: true,
                sessionPolicy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                attributeMappings: AttributeMapping.defaults + [AttributeMapping(certificateField: .x509SAN, specifiers: [])],
                tags: [Tag(key: "env", value: "prod")], createdBy: "arn:aws:iam::123456789012:user/admin",
                createdAt: createdAt, updatedAt: createdAt.addingTimeInterval(1))
        }

        static func revocationList(id: String, createdAt: Date, bytes: [UInt8]) -> RevocationList {
            RevocationList(crlId: id, crlArn: "arn:aws:rolesanywhere:us-east-1:123456789012:crl/\(id)", name: "crl \(id)",
                           enabled: true, trustAnchorArn: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1",
                           crlData: bytes, tags: bytes.isEmpty ? [] : [Tag(key: "source", value: "ca")],
                           createdAt: createdAt, updatedAt: createdAt.addingTimeInterval(7))
        }

        static func role(name: String, full: Bool) -> Role {
            let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#
            guard full else {
                return Role(roleId: "AROA\(name.uppercased())", roleName: name, arn: "arn:aws:iam::123456789012:role/\(name)",
                            assumeRolePolicyDocument: trust, createDate: time(100))
            }
            return Role(roleId: "AROA\(name.uppercased())", roleName: name, arn: "arn:aws:iam::123456789012:role/ops/\(name)",
                        path: "/ops/", assumeRolePolicyDocument: trust, description: "Deploys things",
                        maxSessionDuration: 43200, managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"],
                        inlinePolicies: ["s3": #"{"Statement":[]}"#, "logs": "{}"],
                        tags: [Tag(key: "owner", value: "ops")], createDate: time(200))
        }

        static func subject(id: String, dn: String, createdAt: Date, full: Bool) -> Subject {
            let arn = "arn:aws:rolesanywhere:us-east-1:123456789012:subject/\(id)"
            guard full else {
                return Subject(subjectId: id, subjectArn: arn, x509Subject: dn, enabled: false, createdAt: createdAt,
                               updatedAt: createdAt, lastSeenAt: createdAt)
            }
            return Subject(
                subjectId: id, subjectArn: arn, x509Subject: dn, createdAt: createdAt,
                updatedAt: createdAt.addingTimeInterval(5), lastSeenAt: createdAt.addingTimeInterval(9),
                credentials: [
                    .init(serialNumber: "4096", issuer: "CN=Example CA", x509CertificateData: "MIIBszCCAVmgAwIBAgIU",
                          seenAt: createdAt, failed: false),
                ],
                instanceProperties: ["Hostname": "web-1", "Region": "eu-west-1"])
        }

        static func stack(name: String, resources: Int) -> Stack {
            let all = [
                Stack.Resource(logicalId: "Anchor", type: "AWS::RolesAnywhere::TrustAnchor", physicalId: "ta-9",
                               arn: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-9"),
                Stack.Resource(logicalId: "Role", type: "AWS::IAM::Role", physicalId: "AppRole", arn: nil),
            ]
            return Stack(stackName: name, stackId: "stack-\(name)", resources: Array(all.prefix(resources)),
                         outputs: resources == 0 ? [:] : ["AnchorArn": all[0].arn ?? "", "RoleName": "AppRole"],
                         updatedAt: time(300))
        }

        static func auditRecord(id: String, at time: Date, full: Bool, certificateExpiry: Date? = time(86_400 * 365)) -> AuditRecord {
            guard full else {
                return AuditRecord(eventId: id, eventTime: time, eventName: "ListTrustAnchors", awsRegion: "us-east-1",
                                   sourceIPAddress: "127.0.0.1", userAgent: "", requestId: "req-\(id)")
            }
            return AuditRecord(
                eventId: id, eventTime: time, eventName: "CreateSession", awsRegion: "eu-west-1",
                sourceIPAddress: "2001:db8::1", userAgent: "aws_signing_helper/1.0", principal: "CN=alice",
                requestParameters: ["profileArn": "arn:aws:rolesanywhere:eu-west-1:123456789012:profile/p-1",
                                    "durationSeconds": "3600"],
                certificate: .init(serialNumberHex: "0x1000", serialNumberDecimal: "4096", subject: "CN=alice",
                                   issuer: "CN=Example CA", notAfter: certificateExpiry),
                responseElements: ["assumedRoleArn": "arn:aws:sts::123456789012:assumed-role/A/s"],
                errorCode: "AccessDeniedException", errorMessage: "Unable to assume role",
                denialReason: "trust policy of role A does not allow x509Subject/CN=alice", requestId: "req-\(id)")
        }
    }
}
