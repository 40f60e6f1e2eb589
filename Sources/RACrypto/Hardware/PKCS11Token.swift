internal import COpenSSL

/// Certificates and private keys on PKCS#11 tokens, reached through OpenSSL's `pkcs11` engine.
///
/// A value names the module (shared library) to load; which token and object to use comes from
/// the RFC 7512 URI of each request. By default that module is p11-kit's proxy, which exposes every
/// token the system has registered, so most users never name a module at all.
public struct PKCS11Token: Sendable {
    /// Where Debian installs p11-kit's proxy module; the official helper's default too.
    public static let defaultModulePath = "/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"

    public let modulePath: String

    public init(modulePath: String? = nil) {
        self.modulePath = modulePath ?? Self.defaultModulePath
    }

    /// Reads the certificate object `uri` names. `pin` logs in first when the certificate is a
    /// private object (most tokens keep certificates public, and then it is not used).
    public func certificate(_ uri: PKCS11URI, pin: String) throws(HardwareKeyError) -> Certificate {
        try PKCS11Engine.shared.withEngine(modulePath: modulePath) { engine throws(HardwareKeyError) in
            PKCS11Engine.setPIN(pin, on: engine)
            let request = SecretRequest { pin }
            return try PKCS11Engine.shared.withCallbacks(engine, request) { _ throws(HardwareKeyError) in
                var x509: OpaquePointer?
                let ok = uri.withType("cert").engineURI.withCString { ra_ENGINE_load_certificate(engine, $0, &x509) }
                guard ok == 1, let x509 else { throw PKCS11Engine.loadFailure("certificate") }
                defer { X509_free(x509) }
                var out: UnsafeMutablePointer<UInt8>?
                let length = i2d_X509(x509, &out)
                guard length > 0, let out else { throw HardwareKeyError.malformed("could not parse certificate") }
                defer { ra_openssl_free(out) }
                do {
                    return try Certificate(der: Array(UnsafeBufferPointer(start: out, count: Int(length))))
                } catch {
                    throw HardwareKeyError.malformed("could not parse certificate")
                }
            }
        }
    }

    /// Finds the private key object `uri` names, logging in with `pin`.
    /// - Parameter contextPIN: asked when the key has `CKA_ALWAYS_AUTHENTICATE` and the token wants
    ///   a context-specific login before a signature; nil from it refuses (the signature fails).
    public func privateKey(_ uri: PKCS11URI, pin: String,
                           contextPIN: @escaping @Sendable () -> String? = { nil }) throws(HardwareKeyError) -> PKCS11PrivateKey {
        let pointer = try PKCS11Engine.shared.withEngine(modulePath: modulePath) { engine throws(HardwareKeyError) in
            PKCS11Engine.setPIN(pin, on: engine)
            let request = SecretRequest { pin }
            return try PKCS11Engine.shared.withCallbacks(engine, request) { data throws(HardwareKeyError) in
                guard let key = ENGINE_load_private_key(engine, uri.withType("private").engineURI,
                                                        SecretRequest.method, data) else {
                    throw PKCS11Engine.loadFailure("matching private key")
                }
                return key
            }
        }
        return try PKCS11PrivateKey(owning: pointer, uri: uri, modulePath: modulePath, contextPIN: contextPIN)
    }
}
