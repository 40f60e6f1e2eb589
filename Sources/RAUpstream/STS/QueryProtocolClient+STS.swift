import Foundation
import RAWire

extension QueryProtocolClient {
    /// STS `AssumeRole`, signed with `credentials`; the answer is checked (see ``AssumedRoleCredentials``).
    public func assumeRole(_ request: AssumeRoleRequest, credentials: HMACCredentials,
                           minimumValidity: TimeInterval = 60) throws(UpstreamCallError) -> AssumedRoleCredentials {
        let response = try call("AssumeRole", parameters: request.parameters, credentials: credentials)
        return try AssumedRoleCredentials(response: response, action: "AssumeRole", service: serviceLabel,
                                          now: clock.now(), minimumValidity: minimumValidity)
    }

    /// STS `AssumeRoleWithWebIdentity`, unsigned as AWS specifies.
    public func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest,
                                          minimumValidity: TimeInterval = 60) throws(UpstreamCallError) -> AssumedRoleCredentials {
        let response = try call("AssumeRoleWithWebIdentity", parameters: request.parameters, credentials: nil)
        return try AssumedRoleCredentials(response: response, action: "AssumeRoleWithWebIdentity", service: serviceLabel,
                                          now: clock.now(), minimumValidity: minimumValidity)
    }
}
