import RAWire

/// Checks the three ARNs and the region before anything is signed: the official helper reports only
/// the first parse error, and a wrong region or account otherwise shows up as a baffling
/// `ResourceNotFoundException` from the server.
enum ARNChecks {
    static func findings(_ configuration: CredentialsConfiguration) -> [DiagnosticFinding] {
        var findings: [DiagnosticFinding] = []
        let trustAnchor = parse(configuration.trustAnchorArn, check: .trustAnchorArn, flag: "--trust-anchor-arn",
                                officialName: "trust anchor", service: "rolesanywhere", resource: "trust-anchor/",
                                into: &findings)
        let profile = parse(configuration.profileArn, check: .profileArn, flag: "--profile-arn",
                            officialName: "profile", service: "rolesanywhere", resource: "profile/", into: &findings)
        let role = parse(configuration.roleArn, check: .roleArn, flag: "--role-arn", officialName: "role",
                         service: "iam", resource: "role/", into: &findings)
        if let trustAnchor, let profile {
            findings.append(region(trustAnchor: trustAnchor, profile: profile, flag: configuration.region))
            findings.append(account(trustAnchor: trustAnchor, profile: profile, role: role))
        }
        return findings
    }

    private static func parse(_ text: String, check: DiagnosticCheck, flag: String, officialName: String, service: String,
                              resource: String, into findings: inout [DiagnosticFinding]) -> ARN? {
        let shape = "arn:<partition>:\(service):\(service == "iam" ? "" : "<region>"):<account>:\(resource)<id>"
        guard !text.isEmpty else {
            findings.append(DiagnosticFinding(check, .failure, "\(flag) is missing", advice: "give it in the form \(shape)"))
            return nil
        }
        let arn: ARN
        do {
            arn = try ARN(parsing: text)
        } catch {
            // The official helper's wording for the two ARNs it parses.
            let summary = check == .roleArn ? "\(flag) does not parse: \(error.message)"
                : "failed to parse \(officialName) arn: '\(error.message)'"
            findings.append(DiagnosticFinding(check, .failure, summary, advice: "\(flag) must look like \(shape)"))
            return nil
        }
        guard arn.service == service, arn.resource.hasPrefix(resource), arn.resource.count > resource.count else {
            findings.append(DiagnosticFinding(check, .failure, "\(flag) is not a \(officialName) ARN: \(text)",
                                              advice: "it must look like \(shape)"))
            return nil
        }
        findings.append(DiagnosticFinding(check, .pass, "\(flag) is \(officialName) \(arn.resource.dropFirst(resource.count))"
            + (service == "iam" ? " in account \(arn.account)" : " in \(arn.region), account \(arn.account)")))
        return arn
    }

    private static func region(trustAnchor: ARN, profile: ARN, flag: String?) -> DiagnosticFinding {
        guard trustAnchor.region == profile.region else {
            return DiagnosticFinding(.region, .failure,
                                     "trust anchor and profile regions don't match (\(trustAnchor.region) and \(profile.region))",
                                     advice: "use a trust anchor and a profile of the same region")
        }
        if let flag, flag != trustAnchor.region {
            return DiagnosticFinding(.region, .warning,
                                     "the request is signed for --region \(flag), but the trust anchor is in \(trustAnchor.region)",
                                     advice: "the service looks the trust anchor up in the region you sign for: drop --region "
                                        + "or make it \(trustAnchor.region), unless your server is configured for \(flag)")
        }
        return DiagnosticFinding(.region, .pass, "the request is signed for region \(flag ?? trustAnchor.region)")
    }

    private static func account(trustAnchor: ARN, profile: ARN, role: ARN?) -> DiagnosticFinding {
        guard trustAnchor.account == profile.account else {
            return DiagnosticFinding(.account, .warning,
                                     "the trust anchor (account \(trustAnchor.account)) and the profile (account \(profile.account)) are in different accounts",
                                     advice: "Roles Anywhere looks both up in one account: use ARNs of the same account")
        }
        if let role, role.account != profile.account {
            return DiagnosticFinding(.account, .warning,
                                     "the role is in account \(role.account), the profile in account \(profile.account)",
                                     advice: "a profile can only hand out roles of its own account")
        }
        return DiagnosticFinding(.account, .pass, "the ARNs are all in account \(profile.account)")
    }
}
