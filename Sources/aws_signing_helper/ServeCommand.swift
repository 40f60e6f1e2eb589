import RACommandLine
import RAHelperKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `serve`: the official local IMDSv2 endpoint, plus what its users asked for: a chosen listen
/// address (loopback unless forced), an ECS-style endpoint with an authorization token, log
/// levels, and refreshes that ride out server outages.
enum ServeCommand {
    static let command = Command(
        name: "serve",
        summary: "Serve AWS credentials through a local endpoint",
        details: """
            Serve AWS credentials through a local endpoint that is compatible with IMDSv2. With --ecs-endpoint \
            (or --ecs-token-file) the same server also answers ECS-style container credential requests at /creds, \
            for SDKs pointed at it with AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN. \
            Credentials are refreshed in the background before they expire; during an outage the last valid \
            credentials are served until they expire, then requests get HTTP 500.
            """,
        flags: HelperCommandLine.credentialFlags + [
            .int("port", default: CredentialServerOptions.defaultPort, usage: "The port used to run the local server"),
            .int("hop-limit", default: CredentialServerOptions.defaultHopLimit,
                 usage: "The IP TTL / IPv6 hop limit of the server's packets; 1 keeps them on this host's network, as IMDS on EC2"),
            .string("listen", default: "127.0.0.1", usage: "The IPv4 or IPv6 address to listen on (loopback unless --allow-non-loopback)"),
            .bool("allow-non-loopback", usage: "Allow --listen on an address other hosts can reach"),
            .bool("ecs-endpoint", usage: "Also serve ECS-style container credentials at /creds, behind an authorization token"),
            .string("ecs-token-file", usage: "File holding the container authorization token; created with a new token (mode 0600) "
                + "if missing. Implies --ecs-endpoint. Without it a token is generated and printed on stdout"),
        ] + DaemonOptions.flags(refreshWindow: 600),
        mutuallyExclusive: HelperCommandLine.credentialExclusions)

    /// Runs until SIGTERM or SIGINT (exit 0). Start-up failures, including a first CreateSession
    /// the service refuses, exit 1 with one line on stderr; transient ones are retried.
    static func run(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> HelperMain.Outcome {
        let daemon = try DaemonOptions(flags)
        let logger = daemon.logger
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        let tokenFile = flags.nonEmptyString("ecs-token-file")
        do throws(HelperError) {
            var options = CredentialServerOptions(
                listenAddress: flags.string("listen"), port: flags.int("port"), hopLimit: flags.int("hop-limit"),
                allowNonLoopback: flags.bool("allow-non-loopback"), roleArn: configuration.roleArn)
            // The role ARN and the address are checked before anything else, as the official helper does.
            _ = try CredentialServerOptions.roleName(fromArn: options.roleArn)
            var tokenCreated = false
            if flags.bool("ecs-endpoint") || tokenFile != nil {
                var token = ContainerAuthorizationToken.generate()
                if let tokenFile { (token, tokenCreated) = try ContainerAuthorizationToken.load(orCreateAt: tokenFile) }
                options.container = ContainerEndpointOptions(authorizationToken: token)
            }
            let provider = CredentialProvider(configuration: configuration, policy: daemon.policy, logger: logger)
            let server = try CredentialServer(options: options, provider: provider, logger: logger)
            try ForegroundRun.wait { () async throws(HelperError) in try await provider.startRefreshing() }
            try server.start()
            announce(server, tokenFile: tokenFile, tokenCreated: tokenCreated, logger: logger)
            let ending = ForegroundRun.run(stoppingOnSignals: true) { () async throws(HelperError) in
                // Serving happens on the HTTP server's threads; this only waits.
                while true { try? await Task.sleep(nanoseconds: 3_600 * 1_000_000_000) }
            }
            if case .signal(let number) = ending { logger.info("Received signal \(number), shutting down") }
            server.stop()
            provider.stop()
            return HelperMain.Outcome(standardOutput: "", exitCode: 0)
        } catch {
            throw CLIError(message: error.message)
        }
    }

    /// The official start-up lines on stderr, and the environment to set, as `export` lines on
    /// stdout (the only place the generated container token ever appears).
    private static func announce(_ server: CredentialServer, tokenFile: String?, tokenCreated: Bool, logger: HelperLogger) {
        logger.info("Local server started on port: \(server.port)")
        logger.info("Make it available to the sdk by running:")
        logger.info("export AWS_EC2_METADATA_SERVICE_ENDPOINT=\(server.metadataEndpoint)")
        var lines = ["export AWS_EC2_METADATA_SERVICE_ENDPOINT=\(server.metadataEndpoint)"]
        if let uri = server.containerCredentialsURI, let token = server.options.container?.authorizationToken {
            logger.info("Container credentials endpoint: export AWS_CONTAINER_CREDENTIALS_FULL_URI=\(uri)")
            lines.append("export AWS_CONTAINER_CREDENTIALS_FULL_URI=\(uri)")
            if let tokenFile {
                logger.info("Container authorization token \(tokenCreated ? "written to" : "read from") \(tokenFile): "
                    + "export AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=\(tokenFile)")
                lines.append("export AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=\(tokenFile)")
            } else {
                logger.info("Container authorization token generated; it is printed on standard output only")
                lines.append("export AWS_CONTAINER_AUTHORIZATION_TOKEN=\(token)")
            }
        }
        StandardStreams.writeOut(lines.map { $0 + "\n" }.joined())
    }
}
