import RACommandLine
import RACore

/// The `rolesanywhere` command line, declared as data: the parser, the help text and the tests all
/// read this one declaration.
enum CommandTree {
    /// For the commands that set a server up: they may start a new data dir.
    static let dataDir = Flag.string("data-dir", usage: "directory holding the server's state (database, keys); created 0700 if missing")
    /// For the commands that read or amend existing state: a path without a database is a mistake.
    static let existingDataDir = Flag.string(
        "data-dir", usage: "directory holding the server's state, as given to serve and deploy; must already hold rolesanywhere.db")

    static let accountId = Flag.string(
        "account-id", default: ServiceConfiguration.defaultAccountId,
        usage: "the account id in every ARN; recorded in a new data dir, which keeps it (a different value is refused)")
    static let region = Flag.string(
        "region", default: ServiceConfiguration.defaultRegion,
        usage: "the region in every ARN and SigV4 scope; recorded in a new data dir, which keeps it (a different value is refused)")

    static let serve = Command(
        name: "serve", summary: "Run the Roles Anywhere server (CreateSession and STS) on one listener",
        details: """
        Serves POST /sessions (CreateSession, SigV4-X509) and the STS query API (GetCallerIdentity) on
        one listener. State lives in an SQLite database under --data-dir; the session-token key is
        created there on first start (mode 0600). Plain HTTP is allowed only on a loopback address;
        anywhere else give --tls-cert and --tls-key.
        """,
        flags: [
            dataDir,
            .string("listen", default: "127.0.0.1:8443", usage: "address and port to listen on (HOST:PORT, [::1]:PORT)"),
            .string("tls-cert", usage: "PEM file with the server certificate (and its chain)"),
            .string("tls-key", usage: "PEM file with the server certificate's private key"),
            accountId,
            region,
            .int("clock-skew", default: 300, usage: "seconds X-Amz-Date may differ from the server clock (0-3600)"),
            .int("threads", default: 4, usage: "request worker threads (1-256)"),
        ],
        arguments: .none)

    static let caInit = Command(
        name: "init", summary: "Create a CA: DIR/ca.pem and DIR/ca.key (0600)",
        flags: [
            .string("dir", usage: "directory for the CA's files"),
            .string("subject", default: "CN=Roles Anywhere Root CA,O=Roles Anywhere", usage: "the CA's subject DN"),
            .string("key-type", default: "ec-p256", usage: "ec-p256|ec-p384|ec-p521|rsa-2048|rsa-3072|rsa-4096"),
            .int("days", default: 3650, usage: "validity in days"),
        ],
        arguments: .none)

    static let caIssue = Command(
        name: "issue", summary: "Issue a client certificate: PREFIX.pem and PREFIX.key (0600)",
        flags: [
            .string("dir", usage: "the CA's directory"),
            .string("subject", usage: "subject DN, e.g. CN=edge-01,OU=DataCenter-Northeast,O=Example Corp"),
            .string("out", usage: "output prefix: writes PREFIX.pem and PREFIX.key"),
            .string("key-type", default: "ec-p256", usage: "ec-p256|ec-p384|ec-p521|rsa-2048|rsa-3072|rsa-4096"),
            .int("days", default: 365, usage: "validity in days"),
            .stringArray("san", usage: "subject alternative name: dns:NAME, uri:URI, email:ADDR or ip:ADDR (repeatable)"),
            .bool("server", usage: "issue a TLS server certificate (serverAuth) instead of a client certificate; without --san its SAN is dns:<CN>"),
            .bool("force", usage: "overwrite PREFIX.pem and PREFIX.key if they exist"),
        ],
        arguments: .none)

    static let caRevoke = Command(
        name: "revoke", summary: "Revoke a certificate issued by the CA (by file or --serial HEX)",
        usageSuffix: "(CERTFILE | --serial HEX) [flags]",
        flags: [.string("dir", usage: "the CA's directory"), .string("serial", usage: "serial number in hex"),
                .bool("force", usage: "revoke a --serial that DIR/issued.txt does not list (certificates issued before it was kept)")],
        arguments: .atMost(1))

    static let caCRL = Command(
        name: "crl", summary: "Write the CA's current CRL (PEM) to --out",
        flags: [.string("dir", usage: "the CA's directory"), .string("out", usage: "file to write the PEM CRL to"),
                .int("days", default: 7, usage: "days until nextUpdate")],
        arguments: .none)

    static let ca = Command(name: "ca", summary: "A built-in certificate authority for people with no PKI yet",
                            subcommands: [caInit, caIssue, caRevoke, caCRL])

    static let crlImport = Command(
        name: "import", summary: "Import a CRL (PEM or DER) into a trust anchor, replacing one of the same name",
        usageSuffix: "FILE [flags]",
        flags: [existingDataDir, .string("trust-anchor-arn", usage: "the trust anchor the CRL belongs to"),
                .string("name", usage: "the CRL's name within the trust anchor"),
                .bool("disabled", usage: "import the CRL disabled")],
        arguments: .exactly(1))

    static let crl = Command(name: "crl", summary: "Manage certificate revocation lists", subcommands: [crlImport])

    static let deploy = Command(
        name: "deploy", summary: "Create or update a stack from a CloudFormation template (JSON or YAML)",
        details: """
        Creates or updates a stack from a CloudFormation template (JSON or YAML). TEMPLATE is a file,
        or - to read the template from standard input. Prints the stack as JSON, with the logical ids
        created, updated, replaced, unchanged and deleted.
        """,
        usageSuffix: "TEMPLATE [flags]",
        flags: [dataDir,
                .string("stack-name", default: "default", usage: "the stack to create or update ([a-zA-Z][-a-zA-Z0-9]*, at most 128 characters)"),
                .stringArray("parameter", usage: "KEY=VALUE or KEY=@FILE (repeatable)"),
                accountId,
                region],
        arguments: .exactly(1))

    static let undeploy = Command(
        name: "undeploy", summary: "Delete a stack: all its resources and the stack record, all or nothing",
        flags: [existingDataDir, .string("stack-name", usage: "the stack to delete")],
        arguments: .none)

    static let audit = Command(
        name: "audit", summary: "Print the audit trail as JSON lines",
        flags: [existingDataDir, .string("since", usage: "only records at or after this time (RFC 3339, or e.g. 15m, 2h, 7d ago)")],
        arguments: .none)

    static let version = Command(name: "version", summary: "Print the version", arguments: .none)

    static let root = Command(
        name: "rolesanywhere", summary: "Self-hosted IAM Roles Anywhere",
        details: "Self-hosted IAM Roles Anywhere: trade an X.509 certificate for short-lived AWS credentials.",
        subcommands: [serve, ca, crl, deploy, undeploy, audit, version])
}
