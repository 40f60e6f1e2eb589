import Foundation
import RAWire

/// STS answers as AWS writes them, for the fake upstream.
enum STSDocuments {
    static func assumeRole(accessKeyId: String = "ASIAUPSTREAMEXAMPLE1", secret: String = "upstream/secret+key",
                           token: String = "upstream-session-token", expiration: Date,
                           action: String = "AssumeRole", arn: String = "arn:aws:sts::123456789012:assumed-role/app/sess",
                           omit: Set<String> = []) -> String {
        func field(_ name: String, _ value: String) -> String { omit.contains(name) ? "" : "<\(name)>\(value)</\(name)>" }
        return """
        <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <\(action)Result>
            <Credentials>
              \(field("AccessKeyId", accessKeyId))
              \(field("SecretAccessKey", secret))
              \(field("SessionToken", token))
              \(field("Expiration", RFC3339.format(expiration)))
            </Credentials>
            <AssumedRoleUser>
              <AssumedRoleId>AROAEXAMPLEID:sess</AssumedRoleId>
              <Arn>\(arn)</Arn>
            </AssumedRoleUser>
            <PackedPolicySize>7</PackedPolicySize>
            <SourceIdentity>CN=test</SourceIdentity>
          </\(action)Result>
          <ResponseMetadata>
            <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
          </ResponseMetadata>
        </\(action)Response>
        """
    }

    static func error(type: String = "Sender", code: String, message: String) -> String {
        """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error>
            <Type>\(type)</Type>
            <Code>\(code)</Code>
            <Message>\(message)</Message>
          </Error>
          <RequestId>4f0a2c51-0000-4000-8000-000000000001</RequestId>
        </ErrorResponse>
        """
    }
}
