import Foundation
import RACore

/// Session grants as CreateSession would hand them to the issuer.
enum Grants {
    static func make(roleArn: String = "arn:aws:iam::111122223333:role/app", sessionName: String = "0a1b2c",
                     durationSeconds: Int = 900, sourceIdentity: String = "CN=test", tags: [Tag] = [],
                     sessionPolicy: String? = nil, managedPolicyArns: [String] = [], issuedAt: Date = Date()) -> SessionGrant {
        let name = String(roleArn.split(separator: "/").last ?? "app")
        let role = Role(roleId: "AROAEXAMPLEID", roleName: name, arn: roleArn, assumeRolePolicyDocument: "{}",
                        maxSessionDuration: 43_200, createDate: Date(timeIntervalSince1970: 1_700_000_000))
        return SessionGrant(accountId: "111122223333", role: role, sessionName: sessionName, durationSeconds: durationSeconds,
                            sourceIdentity: sourceIdentity, tags: tags, sessionPolicy: sessionPolicy,
                            managedPolicyArns: managedPolicyArns,
                            sourceArn: "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/ta", issuedAt: issuedAt)
    }
}
