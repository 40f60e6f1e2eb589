import Foundation
import RACore
import RATestSupport
import Testing

/// Session length (spec §2.5, §3.6): `min(profile, request)`, the profile's when the request
/// names none, 900..43200 on the wire, never above the role's MaxSessionDuration.
struct DurationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let profile: Int
        let roleMaximum: Int
        let requested: Int?
        let expected: Int
        var testDescription: String { "profile \(profile), role max \(roleMaximum), request \(requested.map(String.init) ?? "none") → \(expected)" }
    }

    static let granted: [Case] = [
        Case(profile: 3600, roleMaximum: 3600, requested: nil, expected: 3600),
        Case(profile: 3600, roleMaximum: 3600, requested: 3600, expected: 3600),
        Case(profile: 3600, roleMaximum: 3600, requested: 900, expected: 900),
        Case(profile: 3600, roleMaximum: 3600, requested: 1800, expected: 1800),
        Case(profile: 3600, roleMaximum: 3600, requested: 7200, expected: 3600),
        Case(profile: 3600, roleMaximum: 3600, requested: 43200, expected: 3600),
        Case(profile: 43200, roleMaximum: 43200, requested: 43200, expected: 43200),
        Case(profile: 43200, roleMaximum: 43200, requested: nil, expected: 43200),
        Case(profile: 7200, roleMaximum: 3600, requested: 3600, expected: 3600),
    ]

    @Test("the effective duration and the expiration it gives", arguments: granted)
    func effective(_ testCase: Case) throws {
        let world = try TestWorld()
        try world.updateProfile { $0.durationSeconds = testCase.profile }
        try world.updateRole { $0.maxSessionDuration = testCase.roleMaximum }
        let result = try world.granted(try world.request(durationSeconds: testCase.requested))
        #expect(result.grant.durationSeconds == testCase.expected)
        #expect(result.credentials.expiration == world.now + TimeInterval(testCase.expected))
    }

    @Test("a fresh profile defaults to one hour")
    func profileDefault() {
        #expect(Profile.defaultDurationSeconds == 3600)
        let profile = Profile(profileId: "p", profileArn: "arn", name: "n", enabled: true, roleArns: [], createdAt: Date(), updatedAt: Date())
        #expect(profile.durationSeconds == 3600)
    }

    @Test("durationSeconds outside 900...43200 is a ValidationException", arguments: [
        (-1, "Value '-1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        (0, "Value '0' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        (899, "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        (43201, "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"),
    ])
    func outOfRange(_ duration: Int, _ detail: String) throws {
        let world = try TestWorld()
        let failure = try world.refused(try world.request(durationSeconds: duration))
        #expect(failure.code == .validation)
        #expect(failure.httpStatus == 400)
        #expect(failure.message == "1 validation error detected: " + detail)
    }

    @Test("a profile duration above the role's MaxSessionDuration is refused when it is what applies")
    func aboveRoleMaximum() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.durationSeconds = 7200 }
        for requested in [nil, 7200, 43200] as [Int?] {
            let failure = try world.refused(try world.request(durationSeconds: requested))
            #expect(failure.code == .validation)
            #expect(failure.message == "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
            #expect(failure.reason == "duration 7200 s exceeds MaxSessionDuration 3600 s of EdgeBackupRole")
        }
    }
}
