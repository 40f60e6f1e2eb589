import Testing

/// The suites nested in here share one deployment (server, CA, stack): they only add certificates
/// or read, so they run in parallel against the same process, as real workloads would.
@Suite(SharedDeployment())
struct EdgeWorkload {
    /// The deployment the enclosing scope started.
    static var deployment: EdgeDeployment {
        get throws {
            guard let deployment = SharedDeployment.current else {
                throw FixtureError("EdgeWorkload's shared deployment is not running (the suite scope did not start it)")
            }
            return deployment
        }
    }
}

/// Starts the shared deployment around the whole `EdgeWorkload` suite and stops it afterwards,
/// requiring a clean exit 0 on SIGTERM.
struct SharedDeployment: SuiteTrait, TestScoping {
    @TaskLocal static var current: EdgeDeployment?

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let deployment = try await EdgeDeployment.start(label: "shared")
        var failure: (any Error)?
        do {
            try await Self.$current.withValue(deployment) { try await function() }
        } catch {
            failure = error
        }
        try await deployment.shutdown()
        if let failure { throw failure }
    }
}
