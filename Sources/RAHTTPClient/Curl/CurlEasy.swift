internal import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libcurl wants `curl_global_init` once per process before any handle exists; a global `let` is
/// initialised exactly once, thread-safely, on first use.
private let globalInitResult: Int = Int(curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue)

/// One libcurl easy handle with the header list and error buffer it points into; all three are
/// freed together. Used by one thread for one transfer, then dropped.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(HTTPClientError) {
        guard globalInitResult == 0 else {
            throw HTTPClientError(kind: .transport, curlCode: globalInitResult, message: "libcurl could not initialise: "
                + String(cString: curl_easy_strerror(CURLcode(UInt32(globalInitResult)))))
        }
        guard let handle = curl_easy_init() else {
            throw HTTPClientError(kind: .transport, message: "libcurl could not create a transfer handle")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        _ = ra_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: String) throws(HTTPClientError) {
        try check(ra_curl_setopt_str(handle, option, value), setting: option)
    }

    func set(_ option: CURLoption, _ value: Int) throws(HTTPClientError) {
        try check(ra_curl_setopt_long(handle, option, value), setting: option)
    }

    func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) throws(HTTPClientError) {
        try check(ra_curl_setopt_ptr(handle, option, value), setting: option)
    }

    func set(_ option: CURLoption, callback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int)
        throws(HTTPClientError) {
        try check(ra_curl_setopt_write_cb(handle, option, callback), setting: option)
    }

    /// Installs the request header lines (`Name: value`, `Name;` for an empty value, `Name:` to
    /// suppress a header libcurl would add).
    func setHeaderLines(_ lines: [String]) throws(HTTPClientError) {
        for line in lines {
            guard let extended = curl_slist_append(headerList, line) else {
                throw HTTPClientError(kind: .transport, message: "libcurl could not store a request header")
            }
            headerList = extended
        }
        try set(CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
    }

    func perform() throws(HTTPClientError) {
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw error(for: code) }
    }

    func responseCode() -> Int {
        var status = 0
        _ = ra_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    private func check(_ code: CURLcode, setting option: CURLoption) throws(HTTPClientError) {
        guard code == CURLE_OK else {
            let summary = String(cString: curl_easy_strerror(code))
            throw HTTPClientError(kind: .invalidRequest, curlCode: Int(code.rawValue),
                                  message: "libcurl rejected option \(option.rawValue): \(summary)")
        }
    }

    /// libcurl's summary for the code plus this transfer's detail, unless the detail repeats it.
    private func error(for code: CURLcode) -> HTTPClientError {
        let summary = String(cString: curl_easy_strerror(code))
        let detail = String(cString: errorBuffer).trimmingTrailingNewlines()
        let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        return HTTPClientError(kind: Self.kind(of: code), curlCode: Int(code.rawValue), message: message)
    }

    private static func kind(of code: CURLcode) -> HTTPClientError.Kind {
        switch code {
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            return .invalidRequest
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolveHost
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CLIENTCERT:
            return .tls
        default:
            return .transport
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
