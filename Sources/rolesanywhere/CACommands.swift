import Foundation
import RACommandLine
import RACore
import RACrypto

/// `rolesanywhere ca …`: the built-in CA's files are `ca.pem`, `ca.key` (0600), `issued.txt` (one
/// `SERIALHEX<TAB>NOTAFTER<TAB>SUBJECT` line per issued certificate), `revoked.txt` (one
/// `SERIALHEX RFC3339-DATE` line per revocation) and `crlnumber`.
enum CACommands {
    static func initialize(_ flags: FlagValues) throws {
        let dir = try Commands.required(flags, "dir")
        let certPath = dir + "/ca.pem", keyPath = dir + "/ca.key"
        if FileManager.default.fileExists(atPath: certPath) || FileManager.default.fileExists(atPath: keyPath) {
            throw CLIError(message: "\(dir) already holds a CA (ca.pem or ca.key exists); refusing to overwrite it")
        }
        let subject = try distinguishedName(flags.string("subject"))
        let keyType = try keyType(flags.string("key-type"))
        let days = try positiveDays(flags.int("days"))
        try SecureFile.makeDirectory(dir)
        let ca = try CertificateAuthority.create(subject: subject, keyType: keyType, days: days, now: Date())
        try SecureFile.write(try ca.key.pkcs8PEM(), to: keyPath)
        try SecureFile.write(ca.certificate.pem, to: certPath, mode: 0o644)
        print("created CA \(ca.certificate.subject) serial \(ca.certificate.serialNumber.hexString)")
        print("  certificate: \(certPath)")
        print("  private key: \(keyPath) (mode 0600)")
    }

    static func issue(_ flags: FlagValues) throws {
        let dir = try Commands.required(flags, "dir")
        let ca = try load(dir)
        let subject = try distinguishedName(try Commands.required(flags, "subject"))
        let prefix = try Commands.required(flags, "out")
        if !flags.bool("force") {
            let existing = [prefix + ".key", prefix + ".pem"].filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty {
                throw CLIError(message: "\(existing.joined(separator: " and ")) already exist\(existing.count == 1 ? "s" : ""); refusing to overwrite (give --force to replace)")
            }
        }
        var sans = try flags.strings("san").map { text throws -> GeneralName in
            do { return try CertificateAuthority.parseSubjectAlternativeName(text) } catch let failure as ServiceFailure { throw CLIError(message: failure.message) }
        }
        var defaultedName: String?
        if flags.bool("server") && sans.isEmpty {
            let name = try defaultServerName(subject)
            sans = [name]
            defaultedName = name.description
        }
        let issued = try ca.issue(subject: subject, keyType: try keyType(flags.string("key-type")),
                                  days: try positiveDays(flags.int("days")), subjectAlternativeNames: sans,
                                  server: flags.bool("server"), now: Date())
        try SecureFile.write(try issued.key.pkcs8PEM(), to: prefix + ".key")
        try SecureFile.write(issued.certificate.pem, to: prefix + ".pem", mode: 0o644)
        try recordIssued(issued.certificate, dir: dir)
        print("issued \(issued.certificate.subject) serial \(issued.certificate.serialNumber.hexString) (decimal \(issued.certificate.serialNumber.decimalString))")
        if let defaultedName {
            print("  subject alternative name: \(defaultedName) (from the CN, as no --san was given; clients check it against the host they connect to)")
        }
        print("  certificate: \(prefix).pem")
        print("  private key: \(prefix).key (mode 0600)")
    }

    /// A server certificate without a SAN is refused by Python, Go and curl alike, so `--server`
    /// without `--san` names the CN: `ip:` when it is an address, `dns:` otherwise.
    static func defaultServerName(_ subject: DistinguishedName) throws -> GeneralName {
        guard let cn = subject.values(for: "CN").first, !cn.isEmpty, !cn.contains(where: \.isWhitespace) else {
            throw CLIError.usage("--server needs --san dns:HOST (or a host name as the subject's CN) to name the server")
        }
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, cn, &v4) == 1 || inet_pton(AF_INET6, cn, &v6) == 1 { return .ipAddress(cn) }
        return .dns(cn)
    }

    /// Appends the certificate to `issued.txt`, so `revoke --serial` can tell a typo from a serial it issued.
    static func recordIssued(_ certificate: Certificate, dir: String) throws {
        let path = dir + "/issued.txt"
        let previous = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let line = "\(certificate.serialNumber.hexString)\t\(ISO8601DateFormatter().string(from: certificate.notAfter))\t\(certificate.subject.rfc4514)\n"
        try SecureFile.write(previous + line, to: path, mode: 0o644)
    }

    static func issuedSerials(_ dir: String) -> [SerialNumber] {
        guard let text = try? String(contentsOfFile: dir + "/issued.txt", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            line.split(separator: "\t", maxSplits: 1).first.flatMap { SerialNumber(hex: String($0)) }
        }
    }

    static func revoke(_ flags: FlagValues, arguments: [String]) throws {
        let dir = try Commands.required(flags, "dir")
        let ca = try load(dir)
        let serial: SerialNumber
        switch (arguments.first, flags.nonEmptyString("serial")) {
        case (let file?, nil):
            guard let certificate = try Certificate.parseMany(pemOrDER: try Commands.readFile(file, what: "certificate")).first else {
                throw CLIError(message: "\(file) holds no certificate")
            }
            guard certificate.isSignature(by: ca.certificate) else {
                throw CLIError(message: "\(file) (\(certificate.subject)) was not issued by this CA (\(ca.certificate.subject))")
            }
            serial = certificate.serialNumber
        case (nil, let hex?):
            guard let parsed = SerialNumber(hex: hex.replacingOccurrences(of: ":", with: "")) else {
                throw CLIError(message: "--serial '\(hex)' is not a hexadecimal serial number")
            }
            if !flags.bool("force") && !issuedSerials(dir).contains(parsed) {
                throw CLIError(message: """
                    serial \(parsed.hexString) is not in \(dir)/issued.txt: this CA did not issue it (check the serial). \
                    Certificates issued before issued.txt was kept have no record there: give --force to revoke those
                    """)
            }
            serial = parsed
        default:
            throw CLIError.usage("give exactly one of CERTFILE or --serial HEX")
        }
        var revoked = try revokedList(dir)
        if revoked.contains(where: { $0.serial == serial }) {
            print("serial \(serial.hexString) is already revoked")
            return
        }
        revoked.append((serial, Date()))
        let lines = revoked.map { "\($0.serial.hexString) \(ISO8601DateFormatter().string(from: $0.date))\n" }.joined()
        try SecureFile.write(lines, to: dir + "/revoked.txt", mode: 0o644)
        print("revoked serial \(serial.hexString); run `rolesanywhere ca crl` and import the CRL to put it in force")
    }

    static func crl(_ flags: FlagValues) throws {
        let dir = try Commands.required(flags, "dir")
        let out = try Commands.required(flags, "out")
        let ca = try load(dir)
        let numberPath = dir + "/crlnumber"
        let previous = (try? String(contentsOfFile: numberPath, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        let revoked = try revokedList(dir)
        let list = try ca.revocationList(revoked: revoked, number: previous + 1, days: try positiveDays(flags.int("days")), now: Date())
        try SecureFile.write(String(previous + 1) + "\n", to: numberPath, mode: 0o644)
        try SecureFile.write(list.pem, to: out, mode: 0o644)
        print("wrote CRL #\(previous + 1) with \(revoked.count) revoked certificate\(revoked.count == 1 ? "" : "s") to \(out)")
    }

    static func load(_ dir: String) throws -> CertificateAuthority {
        let certBytes = try Commands.readFile(dir + "/ca.pem", what: "CA certificate")
        let keyBytes = try Commands.readFile(dir + "/ca.key", what: "CA key")
        guard let certificate = try Certificate.parseMany(pemOrDER: certBytes).first else {
            throw CLIError(message: "\(dir)/ca.pem holds no certificate")
        }
        do { return try CertificateAuthority(certificate: certificate, key: try PrivateKey(pemOrDER: keyBytes)) } catch let error as ServiceFailure {
            throw CLIError(message: "\(dir): \(error.message)")
        }
    }

    static func revokedList(_ dir: String) throws -> [(serial: SerialNumber, date: Date)] {
        guard let text = try? String(contentsOfFile: dir + "/revoked.txt", encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let serial = SerialNumber(hex: String(parts[0])),
                  let date = ISO8601DateFormatter().date(from: String(parts[1])) else {
                throw CLIError(message: "\(dir)/revoked.txt: cannot read line '\(line)'")
            }
            return (serial, date)
        }
    }

    static func distinguishedName(_ text: String) throws -> DistinguishedName {
        do {
            let name = try DistinguishedName(parsing: text)
            guard !name.isEmpty else { throw CLIError(message: "the subject DN is empty") }
            return name
        } catch let error as CLIError { throw error } catch {
            throw CLIError(message: "cannot parse DN '\(text)': \(error)")
        }
    }

    static func keyType(_ text: String) throws -> PrivateKey.KeyType {
        guard let type = PrivateKey.KeyType(rawValue: text) else {
            throw CLIError.usage("invalid --key-type '\(text)'; use one of \(PrivateKey.KeyType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    static func positiveDays(_ days: Int) throws -> Int {
        guard days > 0, days <= 36500 else { throw CLIError.usage("--days must be between 1 and 36500") }
        return days
    }
}
