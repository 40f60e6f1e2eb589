import RACore

extension UpstreamCallError {
    /// Codes meaning the server's own upstream identity was refused, not the workload's request.
    static let identityCodes: Set<String> = [
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "IncompleteSignature",
        "MissingAuthenticationToken", "UnrecognizedClientException", "InvalidAccessKeyId", "AuthFailure",
    ]

    /// Codes meaning the session request itself (policy, tags, duration, names) was refused.
    static let requestCodes: Set<String> = [
        "ValidationError", "MalformedPolicyDocument", "PackedPolicyTooLarge", "InvalidParameterValue",
        "InvalidParameterCombination", "MissingParameter", "InvalidAction",
    ]

    /// Codes meaning the upstream denied this role to the server.
    static let denialCodes: Set<String> = ["AccessDenied", "AccessDeniedException", "RegionDisabledException"]

    /// True when the upstream refused the server's own credentials (expired or unknown), which a
    /// fresh identity might fix.
    var refusedServerIdentity: Bool {
        kind == .rejected && upstreamCode.map(Self.identityCodes.contains) == true
    }

    /// The domain failure for a CreateSession caller: an AWS-shaped code and a message naming
    /// only the upstream's error code, while `reason` (audit only) carries the whole story.
    /// - Parameter notes: adjustments made to the request, appended to the reason.
    public func serviceFailure(notes: [String] = []) -> ServiceFailure {
        let code = upstreamCode.map { " (\($0))" } ?? ""
        let failure: ServiceFailure = switch kind {
        case .throttled:
            ServiceFailure(.throttling, "The upstream \(service) is throttling requests\(code); retry later.")
        case .rejected where upstreamCode.map(Self.denialCodes.contains) == true:
            ServiceFailure(.accessDenied, "The upstream \(service) denied the request for credentials\(code).")
        case .rejected where upstreamCode.map(Self.requestCodes.contains) == true:
            ServiceFailure(.validation, "The upstream \(service) rejected the session request\(code).")
        case .rejected where refusedServerIdentity:
            ServiceFailure(.internalFailure, "The server could not authenticate to the upstream \(service)\(code).")
        case .rejected:
            ServiceFailure(.internalFailure, "The upstream \(service) refused the request for credentials\(code).")
        case .unreachable, .tlsFailure:
            ServiceFailure(.internalFailure, "The upstream \(service) is unreachable; unable to obtain credentials.")
        case .unavailable:
            ServiceFailure(.internalFailure, "The upstream \(service) is unavailable\(code); unable to obtain credentials.")
        case .malformedResponse, .invalidRequest:
            ServiceFailure(.internalFailure, "Unable to obtain credentials from the upstream \(service).")
        }
        var withReason = failure
        withReason.reason = description + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))
        return withReason
    }
}
