import RAWire

/// The region to sign for and the endpoint to call, derived from the configuration with the
/// official helper's checks and error texts.
struct SessionTarget: Sendable, Equatable {
    var region: String
    var endpoint: SessionEndpoint

    /// - Throws: `failed to parse trust anchor arn: '<err>'`, `failed to parse profile arn: '<err>'`,
    ///   `trust anchor and profile regions don't match` (checked even when a region is given).
    init(configuration: CredentialsConfiguration) throws(HelperError) {
        let trustAnchor: ARN
        let profile: ARN
        do {
            trustAnchor = try ARN(parsing: configuration.trustAnchorArn)
        } catch {
            throw HelperError.configuration("failed to parse trust anchor arn: '\(error.message)'")
        }
        do {
            profile = try ARN(parsing: configuration.profileArn)
        } catch {
            throw HelperError.configuration("failed to parse profile arn: '\(error.message)'")
        }
        guard trustAnchor.region == profile.region else {
            throw HelperError.configuration("trust anchor and profile regions don't match")
        }
        let region = configuration.region ?? trustAnchor.region
        guard !region.isEmpty else {
            throw HelperError.configuration("no region: the trust anchor ARN has none and --region was not given")
        }
        self.region = region
        if let endpoint = configuration.endpoint {
            self.endpoint = try SessionEndpoint(baseURL: endpoint)
        } else {
            self.endpoint = SessionEndpoint(region: region)
        }
    }
}
