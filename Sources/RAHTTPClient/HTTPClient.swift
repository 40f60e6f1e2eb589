internal import CCurl

/// HTTP(S) client on libcurl, used where the exact bytes on the wire matter (signed requests) and
/// where a private CA must be trusted per request, which URLSession on Linux cannot do.
///
/// Each call uses a fresh libcurl handle and blocks until the response is complete, so the value
/// is freely shareable across threads and holds no connection pool.
public struct HTTPClient: Sendable {
    /// Stateless: all per-request settings travel in ``Options``.
    public init() {}

    /// Sends one request and returns the final response, whatever its status.
    ///
    /// TLS 1.2 is the minimum, as AWS requires. Redirects are not followed: a signed request
    /// replayed elsewhere would fail anyway, and the caller should see the redirect.
    public func send(_ request: Request, options: Options = Options()) throws(HTTPClientError) -> Response {
        try Self.validate(request, options)
        let easy = try CurlEasy()
        try configureTransport(easy, request, options)
        let sendsBody = !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method)
        try easy.setHeaderLines(Self.headerLines(request, sendsBody: sendsBody))

        let collector = ResponseCollector(limit: options.maxResponseBytes)
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()
        try easy.set(CURLOPT_HEADERFUNCTION, callback: receiveHeaderLine)
        try easy.set(CURLOPT_HEADERDATA, collectorPointer)
        try easy.set(CURLOPT_WRITEFUNCTION, callback: receiveBody)
        try easy.set(CURLOPT_WRITEDATA, collectorPointer)

        // `collector` is used after the transfer, so it outlives every callback into it.
        if sendsBody {
            // A non-empty placeholder keeps libcurl from reading a zero-length body from stdin.
            let body = request.body.isEmpty ? [UInt8(0)] : request.body
            let outcome = body.withUnsafeBytes { bytes in
                Result { () throws(HTTPClientError) in
                    try easy.set(CURLOPT_POSTFIELDSIZE, request.body.count)
                    try easy.set(CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                    try perform(easy, collector, options)
                }
            }
            try outcome.get()
        } else {
            try perform(easy, collector, options)
        }
        return Response(status: easy.responseCode(), headers: collector.headers, body: collector.body)
    }

    private func perform(_ easy: CurlEasy, _ collector: ResponseCollector, _ options: Options) throws(HTTPClientError) {
        do {
            try easy.perform()
        } catch where collector.exceededLimit {
            throw HTTPClientError(kind: .responseTooLarge, curlCode: error.curlCode,
                                  message: "response body exceeds \(options.maxResponseBytes) bytes")
        }
    }

    /// Method, URL, TLS, timeouts and proxy.
    private func configureTransport(_ easy: CurlEasy, _ request: Request, _ options: Options) throws(HTTPClientError) {
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2)
        try easy.set(CURLOPT_TIMEOUT, options.timeoutSeconds)
        try easy.set(CURLOPT_CONNECTTIMEOUT, options.connectTimeoutSeconds)
        try easy.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        if let caBundlePath = options.caBundlePath { try easy.set(CURLOPT_CAINFO, caBundlePath) }
        if !options.verifyTLS {
            try easy.set(CURLOPT_SSL_VERIFYPEER, 0)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if !options.useEnvironmentProxy { try easy.set(CURLOPT_PROXY, "") }
        if let userAgent = options.userAgent, !request.headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
            try easy.set(CURLOPT_USERAGENT, userAgent)
        }
        switch request.method {
        case "GET": try easy.set(CURLOPT_HTTPGET, 1)
        case "HEAD": try easy.set(CURLOPT_NOBODY, 1)
        case "POST": break
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    /// The caller's headers, plus empty entries that stop libcurl from adding `Accept`, `Expect`
    /// and a form `Content-Type` the caller did not ask for.
    private static func headerLines(_ request: Request, sendsBody: Bool) -> [String] {
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        let given = Set(request.headers.map { $0.name.lowercased() })
        if !given.contains("accept") { lines.append("Accept:") }
        if !given.contains("expect") { lines.append("Expect:") }
        if sendsBody && !given.contains("content-type") { lines.append("Content-Type:") }
        return lines
    }

    private static func validate(_ request: Request, _ options: Options) throws(HTTPClientError) {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            throw HTTPClientError(kind: .invalidRequest, message: "HTTP method \"\(request.method)\" is not a valid token")
        }
        guard !request.url.isEmpty, !request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw HTTPClientError(kind: .invalidRequest, message: "URL is empty or contains spaces or control characters")
        }
        for header in request.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenByte) else {
                throw HTTPClientError(kind: .invalidRequest, message: "header name \"\(header.name)\" is not a valid token")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw HTTPClientError(kind: .invalidRequest, message: "value of header \(header.name) contains a line break")
            }
        }
        guard options.timeoutSeconds >= 0, options.connectTimeoutSeconds >= 0, options.maxResponseBytes >= 0 else {
            throw HTTPClientError(kind: .invalidRequest, message: "timeouts and the response size limit must not be negative")
        }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
