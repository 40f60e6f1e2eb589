import Testing
import RAUpstream

@Suite struct UpstreamRoleMappingTests {
    @Test(arguments: [
        (UpstreamRoleMapping(), "arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app"),
        (UpstreamRoleMapping(roleArns: ["arn:aws:iam::111122223333:role/app": "arn:aws:iam::999988887777:role/Other"]),
         "arn:aws:iam::111122223333:role/app", "arn:aws:iam::999988887777:role/Other"),
        (UpstreamRoleMapping(accountId: "123456789012"), "arn:aws:iam::111122223333:role/path/to/app",
         "arn:aws:iam::123456789012:role/path/to/app"),
        (UpstreamRoleMapping(accountId: "123456789012", partition: "aws-cn"), "arn:aws:iam::111122223333:role/app",
         "arn:aws-cn:iam::123456789012:role/app"),
        (UpstreamRoleMapping(roleArns: ["arn:aws:iam::111122223333:role/a": "arn:aws:iam::1:role/b"], accountId: "123456789012"),
         "arn:aws:iam::111122223333:role/a", "arn:aws:iam::1:role/b"),
        (UpstreamRoleMapping(accountId: "123456789012"), "not-an-arn", "not-an-arn"),
    ])
    func mapsRoles(mapping: UpstreamRoleMapping, local: String, upstream: String) {
        #expect(mapping.upstreamRoleArn(for: local) == upstream)
    }
}
