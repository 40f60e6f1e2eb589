import Foundation
internal import COpenSSL

/// A private OpenSSL library context holding the `tpm2` provider (tpm2-openssl) and the default
/// provider, alive only while one TPM operation runs.
///
/// Its own library context keeps the TPM away from every other OpenSSL call in the process: loaded
/// into the default context, the tpm2 provider also volunteers for ordinary public-key
/// verification, which then fails once the TPM's few object slots are used up. Tearing it down
/// after each operation closes the TCTI connection, so a single-client simulator or
/// `/dev/tpm0` is not held for the life of a long-running `serve`. The provider reads its TCTI from
/// `TPM2OPENSSL_TCTI` (e.g. `swtpm:host=127.0.0.1,port=2321`), defaulting to the kernel's resource
/// manager.
final class TPMProviderContext {
    /// One TPM user at a time in this process: a TPM without a resource manager has three transient
    /// object slots, and two interleaved load-sign-flush sequences could exhaust them.
    static let lock = NSLock()

    let libraryContext: OpaquePointer
    private let tpm2: OpaquePointer
    private let defaultProvider: OpaquePointer

    init() throws(HardwareKeyError) {
        _ = Self.quietTSSLogging
        guard let context = OSSL_LIB_CTX_new() else { throw HardwareKeyError.tpm("cannot create an OpenSSL library context") }
        guard let tpm2 = OSSL_PROVIDER_load(context, "tpm2") else {
            let reason = HardwareErrorQueue.summary(HardwareErrorQueue.drain())
            OSSL_LIB_CTX_free(context)
            throw HardwareKeyError.tpm("unable to open the TPM through the tpm2 OpenSSL provider (\(reason))")
        }
        guard let defaultProvider = OSSL_PROVIDER_load(context, "default") else {
            OSSL_PROVIDER_unload(tpm2)
            OSSL_LIB_CTX_free(context)
            throw HardwareKeyError.tpm("cannot load OpenSSL's default provider")
        }
        libraryContext = context
        self.tpm2 = tpm2
        self.defaultProvider = defaultProvider
    }

    deinit {
        OSSL_PROVIDER_unload(defaultProvider)
        OSSL_PROVIDER_unload(tpm2)
        OSSL_LIB_CTX_free(libraryContext)
    }

    /// The TSS libraries print every TPM error response to stderr (`WARNING:esys:...`), including
    /// the expected "wrong password" that we report ourselves. Silence them unless the operator
    /// chose a level with `TSS2_LOG`.
    private static let quietTSSLogging: Void = {
        setenv("TSS2_LOG", "all+NONE", 0)
    }()
}
