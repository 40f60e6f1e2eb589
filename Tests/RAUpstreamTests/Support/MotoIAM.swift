import Foundation
import RAUpstream
import RAWire

/// IAM set-up calls against moto, through the library's own query-protocol client.
struct MotoIAM {
    let iam: QueryProtocolClient
    /// Any keys do while moto's authentication is still off.
    static let setupKeys = HMACCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

    static let openTrustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"#
        + #""Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity","sts:AssumeRoleWithWebIdentity"]}]}"#
    static let assumeAnyRolePolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","#
        + #""Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Resource":"*"}]}"#

    init(_ moto: MotoServer) {
        iam = .iam(UpstreamEndpoint(url: moto.url, region: "us-east-1"), retry: .never)
    }

    @discardableResult
    func createRole(_ name: String, trustPolicy: String = openTrustPolicy) throws -> String {
        let response = try iam.call("CreateRole", parameters: [("RoleName", name), ("AssumeRolePolicyDocument", trustPolicy)],
                                    credentials: Self.setupKeys)
        return try value(response, "CreateRole", "Role", "Arn")
    }

    func createUserWithKey(_ name: String) throws -> HMACCredentials {
        _ = try iam.call("CreateUser", parameters: [("UserName", name)], credentials: Self.setupKeys)
        let response = try iam.call("CreateAccessKey", parameters: [("UserName", name)], credentials: Self.setupKeys)
        return HMACCredentials(accessKeyID: try value(response, "CreateAccessKey", "AccessKey", "AccessKeyId"),
                               secretAccessKey: try value(response, "CreateAccessKey", "AccessKey", "SecretAccessKey"))
    }

    func putUserPolicy(_ user: String, _ document: String) throws {
        _ = try iam.call("PutUserPolicy", parameters: [("UserName", user), ("PolicyName", "inline"), ("PolicyDocument", document)],
                         credentials: Self.setupKeys)
    }

    func putRolePolicy(_ role: String, _ document: String) throws {
        _ = try iam.call("PutRolePolicy", parameters: [("RoleName", role), ("PolicyName", "inline"), ("PolicyDocument", document)],
                         credentials: Self.setupKeys)
    }

    private func value(_ response: QueryResponse, _ action: String, _ path: String...) throws -> String {
        var element = response.result(of: action)
        for name in path { element = element?.child(name) }
        guard let text = element?.value, !text.isEmpty else {
            throw MotoError("\(action) answer lacks \(path.joined(separator: "/"))")
        }
        return text
    }
}
