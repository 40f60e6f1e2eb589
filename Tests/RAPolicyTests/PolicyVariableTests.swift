import Foundation
import Testing
@testable import RAPolicy

@Suite("Policy variables")
struct PolicyVariableTests {
    private func decide(_ statement: String, version: String = "2012-10-17", resource: String,
                        keys: [String: ContextValue]) throws -> Decision {
        let policy = try PolicyDocument.parse("{\"Version\": \"\(version)\", \"Statement\": \(statement)}")
        return PolicyEvaluator.evaluate([policy], in: RequestContext(principal: nil, action: "s3:GetObject",
                                                                      resource: resource, keys: keys))
    }

    private let homeStatement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}"#

    @Test func substitutesIntoResource() throws {
        let keys: [String: ContextValue] = ["aws:username": .string("alice")]
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home/alice/notes", keys: keys) == .allow)
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home/bob/notes", keys: keys) == .implicitDeny)
    }

    @Test func variableNamesAreCaseInsensitive() throws {
        let keys: [String: ContextValue] = ["AWS:UserName": .string("alice")]
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home/alice/x", keys: keys) == .allow)
    }

    @Test func unresolvableVariableMatchesNothing() throws {
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home/${aws:username}/x", keys: [:]) == .implicitDeny)
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home//x", keys: [:]) == .implicitDeny)
    }

    @Test func multiValuedKeysCannotBeSubstituted() throws {
        let keys: [String: ContextValue] = ["aws:username": .strings(["alice", "bob"])]
        #expect(try decide(homeStatement, resource: "arn:aws:s3:::home/alice/x", keys: keys) == .implicitDeny)
    }

    @Test func defaultValueIsUsedWhenTheKeyIsAbsent() throws {
        let statement = #"{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::home/${aws:username, 'shared'}/*"}"#
        #expect(try decide(statement, resource: "arn:aws:s3:::home/shared/x", keys: [:]) == .allow)
        #expect(try decide(statement, resource: "arn:aws:s3:::home/carol/x",
                           keys: ["aws:username": .string("carol")]) == .allow)
    }

    @Test func legacyVersionTreatsVariablesAsText() throws {
        let keys: [String: ContextValue] = ["aws:username": .string("alice")]
        #expect(try decide(homeStatement, version: "2008-10-17", resource: "arn:aws:s3:::home/alice/x",
                           keys: keys) == .implicitDeny)
        #expect(try decide(homeStatement, version: "2008-10-17", resource: "arn:aws:s3:::home/${aws:username}/x",
                           keys: keys) == .allow)
    }

    @Test func principalTagVariablesInConditions() throws {
        let statement = #"""
            {"Effect": "Allow", "Action": "*", "Resource": "*",
             "Condition": {"StringEquals": {"test:owner": "${aws:PrincipalTag/x509Subject/CN}"}}}
            """#
        let cn: [String: ContextValue] = ["aws:PrincipalTag/x509Subject/CN": .string("workload-1")]
        #expect(try decide(statement, resource: "r", keys: cn.merging(["test:owner": .string("workload-1")]) { $1 })
                == .allow)
        #expect(try decide(statement, resource: "r", keys: cn.merging(["test:owner": .string("workload-2")]) { $1 })
                == .implicitDeny)
        #expect(try decide(statement, resource: "r", keys: ["test:owner": .string("")]) == .implicitDeny)
    }

    @Test func escapesProduceLiteralCharactersNotWildcards() throws {
        let statement = #"""
            {"Effect": "Allow", "Action": "*", "Resource": "*",
             "Condition": {"StringLike": {"test:k": "a${*}b${?}c${$}d"}}}
            """#
        #expect(try decide(statement, resource: "r", keys: ["test:k": .string("a*b?c$d")]) == .allow)
        #expect(try decide(statement, resource: "r", keys: ["test:k": .string("aXXbYc$d")]) == .implicitDeny)
    }

    @Test func substitutedValuesAreLiteralEvenWhenTheyLookLikeWildcards() throws {
        let statement = #"""
            {"Effect": "Allow", "Action": "*", "Resource": "*",
             "Condition": {"StringLike": {"test:k": "team/${aws:PrincipalTag/x509Subject/CN}"}}}
            """#
        let starCN: [String: ContextValue] = ["aws:PrincipalTag/x509Subject/CN": .string("*")]
        #expect(try decide(statement, resource: "r", keys: starCN.merging(["test:k": .string("team/*")]) { $1 })
                == .allow)
        #expect(try decide(statement, resource: "r", keys: starCN.merging(["test:k": .string("team/ops")]) { $1 })
                == .implicitDeny)
    }

    @Test func typedContextValuesSubstituteAsText() throws {
        let statement = #"""
            {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/${test:n}/${test:flag}/${test:when}"}
            """#
        let keys: [String: ContextValue] = [
            "test:n": .number(42), "test:flag": .bool(false), "test:when": .date(PolicyTestSupport.date(951_827_415)),
        ]
        #expect(try decide(statement, resource: "arn:aws:s3:::b/42/false/2000-02-29T12:30:15Z", keys: keys) == .allow)
    }

    @Test func templatesParseEscapesVariablesAndWildcards() {
        let template = ValueTemplate("a*${x:y}?${*}${bad", substitutingVariables: true)
        #expect(template.parts == [
            .literal("a"), .anySequence, .variable(name: "x:y", defaultValue: nil), .anyCharacter,
            .literal("*${bad"),
        ])
        #expect(!ValueTemplate("${x:y}", substitutingVariables: false).hasVariables)
    }
}
