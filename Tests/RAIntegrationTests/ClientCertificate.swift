/// A workload's certificate and key on disk, with the serial as `openssl x509 -serial` reads it
/// (independently of our own parser), in the forms the server must echo.
struct ClientCertificate: Sendable {
    let certificate: String
    let key: String
    /// Lower-case hex, an even number of digits: the default session name.
    let serialHex: String
    /// The same serial in base 10, as `Credential=` and the audit trail carry it.
    let serialDecimal: String

    /// Reads the serial of `certificate` with the openssl command line.
    static func load(certificate: String, key: String, home: String) async throws -> ClientCertificate {
        let result = try await Run.run("/usr/bin/openssl", ["x509", "-in", certificate, "-noout", "-serial"],
                                       environment: Run.baseEnvironment(home: home))
        let text = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.succeeded, text.hasPrefix("serial="), let decimal = Self.decimal(fromHex: String(text.dropFirst(7))) else {
            throw FixtureError("cannot read the serial of \(certificate): \(result)")
        }
        return ClientCertificate(certificate: certificate, key: key, serialHex: String(text.dropFirst(7)).lowercased(),
                                 serialDecimal: decimal)
    }

    /// The assumed-role ARN STS reports for this certificate under the example's role.
    var assumedRoleArn: String { "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/\(serialHex)" }

    /// Base-16 to base-10 by schoolbook long multiplication; serials are up to 20 bytes.
    static func decimal(fromHex hex: String) -> String? {
        var digits: [UInt32] = [0]  // base 10, least significant first
        for character in hex {
            guard let value = character.hexDigitValue else { return nil }
            var carry = UInt32(value)
            for index in digits.indices {
                let product = digits[index] * 16 + carry
                digits[index] = product % 10
                carry = product / 10
            }
            while carry > 0 {
                digits.append(carry % 10)
                carry /= 10
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return String(digits.reversed().map { Character(String($0)) })
    }
}
