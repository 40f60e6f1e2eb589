import RAHTTPClient

/// Says in plain words what an answer of the Roles Anywhere service (AWS's or ours) means for the
/// person running `diagnose`, and what to change. The wire answers are deliberately terse (a denied
/// request says little), so the explanations name every usual cause.
enum ServiceAnswerExplainer {
    /// An error answer, by error code and message.
    static func explain(_ failure: ServiceFailure) -> String {
        let message = failure.errorMessage ?? ""
        let rules: [(matches: Bool, advice: String)] = [
            (message.contains("Untrusted Signing Certificate"),
             "the server does not trust the certificate's issuer: import the CA as a trust anchor or pass --intermediates "
                + "(the same answer comes when the certificate is revoked, expired, lacks keyUsage digitalSignature, or the "
                + "trust anchor is disabled; run diagnose with --ca-bundle to check the chain here)"),
            (message.contains("Invalid signature") || message.contains("signature we calculated does not match"),
             "the server could not verify the request's signature with the certificate: the private key does not belong "
                + "to the certificate, or something between here and the server (a proxy) changed the request"),
            (message.hasPrefix("Signature expired") || message.hasPrefix("Signature not yet current"),
             "this machine's clock and the server's differ by more than the allowed skew (5 minutes): synchronise the "
                + "clock (NTP)"),
            (message.contains("Credential should be scoped to a valid region"),
             "the request is signed for another region than the server serves: give --region with the server's region, "
                + "or use ARNs of that region"),
            (message.contains("Missing Authentication Token"),
             "the request reached the server without its Authorization header: a proxy or load balancer on the way drops it"),
            (failure.errorCode == "ResourceNotFoundException" && message.hasPrefix("Trust anchor"),
             "the server has no trust anchor with this ARN: check --trust-anchor-arn (id, account and region)"),
            (failure.errorCode == "ResourceNotFoundException" && message.hasPrefix("Profile"),
             "the server has no profile with this ARN: check --profile-arn (id, account and region)"),
            (message.hasPrefix("Profile is disabled"), "the profile is disabled: enable it on the server"),
            (message.contains("isn't one of those listed in the Profile"),
             "the profile does not list this role: add the role to the profile's roles, or fix --role-arn"),
            (message.contains("requested role cannot be assumed"),
             "the server cannot use this role (it does not exist there): check --role-arn"),
            (message.contains("Not authorized to perform sts:AssumeRole"),
             "the role's trust policy does not let Roles Anywhere assume it for this certificate: allow the principal "
                + "rolesanywhere.amazonaws.com the actions sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity, and "
                + "check the policy's conditions (aws:PrincipalTag/x509Subject/..., aws:SourceArn) against this certificate"),
            (message.contains("Not authorized to set roleSessionName"),
             "the profile does not accept a role session name: drop --role-session-name, or enable acceptRoleSessionName "
                + "on the profile"),
            (message.contains("requires instanceProperties"),
             "the profile requires instance properties, which this helper does not send: turn requireInstanceProperties "
                + "off on the profile"),
            (message.contains("DurationSeconds exceeds"),
             "--session-duration is longer than the role's maximum session duration: lower it or raise the role's maximum"),
        ]
        if let rule = rules.first(where: \.matches) { return rule.advice }
        switch failure.statusCode {
        case 429:
            return "the server is throttling requests: wait and try again"
        case 500...599:
            return "the server failed (HTTP \(failure.statusCode)): try again; if it persists, read the server's logs"
        case 404 where failure.errorCode == "UnknownError":
            return "nothing answers CreateSession at this URL: --endpoint should be the server's base URL (the helper "
                + "appends /sessions)"
        default:
            break
        }
        switch failure.errorCode {
        case "ValidationException": return "the server rejected the request as invalid: \(message)"
        case "AccessDeniedException": return "the server denied the request: \(message)"
        default: return "the server answered with an error it did not explain further"
        }
    }

    /// No HTTP answer at all.
    static func explain(_ error: HTTPClientError, endpoint: String) -> String {
        switch error.kind {
        case .couldNotResolveHost:
            "the host name of \(endpoint) does not resolve: check --endpoint (or --region, which names the default "
                + "AWS endpoint) and DNS"
        case .couldNotConnect:
            "nothing accepts connections at \(endpoint): check --endpoint and that the server is running"
        case .timedOut:
            "the server did not answer in time: check the network path (firewall, proxy) to \(endpoint)"
        case .tls:
            "the TLS handshake failed (\(error.message)): if the server's certificate comes from a private CA, point "
                + "AWS_CA_BUNDLE at that CA's certificate (or use --no-verify-ssl against a test server)"
        case .invalidRequest, .responseTooLarge, .transport:
            "the exchange with \(endpoint) failed: \(error.message)"
        }
    }
}
