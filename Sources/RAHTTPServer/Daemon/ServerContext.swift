internal import CMicroHTTPD
import RAHTTP
import Synchronization

/// The immutable half of a running server that libmicrohttpd's callbacks reach through their
/// `cls` pointer: the responder and the limits. Retained for exactly the daemon's lifetime.
final class ServerContext: Sendable {
    /// Bytes accepted beyond `maxBodyBytes` (and then discarded) before a client is cut off.
    static let drainAllowance = 8 << 20

    let responder: any Responder
    let maxBodyBytes: Int
    let diagnostics: (@Sendable (String) -> Void)?
    /// libmicrohttpd's messages while it starts, so a failed start can say why.
    private let startupMessages = Mutex<[String]?>([])

    init(responder: any Responder, configuration: HTTPServer.Configuration) {
        self.responder = responder
        self.maxBodyBytes = configuration.maxBodyBytes
        self.diagnostics = configuration.diagnostics
    }

    var drainLimit: Int { maxBodyBytes + Self.drainAllowance }

    /// Records one diagnostic line from libmicrohttpd.
    func log(_ message: String) {
        startupMessages.withLock { messages in
            if messages != nil, messages?.count ?? 0 < 16 { messages?.append(message) }
        }
        diagnostics?(message)
    }

    /// Ends startup collection and returns what was said during startup.
    func finishStartup() -> [String] {
        startupMessages.withLock { messages in
            defer { messages = nil }
            return messages ?? []
        }
    }

    /// One access-handler call. The first call only announces the headers; body chunks follow;
    /// the last call (no upload data) produces the response.
    func handle(connection: OpaquePointer, method: UnsafePointer<CChar>, uploadData: UnsafePointer<CChar>?,
                uploadDataSize: UnsafeMutablePointer<Int>, request: RequestState) -> MHD_Result {
        if !request.headersSeen {
            request.headersSeen = true
            return announceHeaders(connection: connection, method: method, request: request)
        }
        let chunkSize = uploadDataSize.pointee
        if chunkSize > 0 {
            uploadDataSize.pointee = 0
            return receive(UnsafeRawBufferPointer(start: uploadData, count: uploadData == nil ? 0 : chunkSize),
                           request: request)
        }
        if request.oversized {
            return queue(oversizedAnswer(connection: connection, method: method, request: request), on: connection, closing: true)
        }
        let httpRequest = HTTPRequest(method: String(cString: method), rawURI: request.rawURI,
                                      headers: Self.headers(of: connection), body: request.body,
                                      remoteAddress: request.remoteAddress)
        return queue(responder.respond(to: httpRequest), on: connection, closing: false)
    }

    /// The responder's answer to a body over the limit, given the request without its body.
    private func oversizedAnswer(connection: OpaquePointer, method: UnsafePointer<CChar>, request: RequestState) -> HTTPResponse {
        let headersOnly = HTTPRequest(method: String(cString: method), rawURI: request.rawURI,
                                      headers: Self.headers(of: connection), body: [], remoteAddress: request.remoteAddress)
        return responder.respondToOversizedBody(headersOnly, limit: maxBodyBytes)
    }

    /// Looks at the declared length: answers at once when waiting for the body is pointless.
    private func announceHeaders(connection: OpaquePointer, method: UnsafePointer<CChar>, request: RequestState) -> MHD_Result {
        guard let text = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length"),
              let declared = Int(String(cString: text)) else { return .YES }
        if declared > maxBodyBytes {
            let expectsContinue = MHD_lookup_connection_value(connection, .HEADER_KIND, "Expect")
                .map { String(cString: $0).lowercased() == "100-continue" } ?? false
            if expectsContinue || declared > drainLimit {
                // Queued before the body: libmicrohttpd reads no body and closes afterwards.
                request.oversized = true
                return queue(oversizedAnswer(connection: connection, method: method, request: request), on: connection, closing: true)
            }
        } else if declared > 0 {
            request.body.reserveCapacity(declared)
        }
        return .YES
    }

    /// Appends a body chunk while under the cap; past it, drops everything and only counts.
    private func receive(_ chunk: UnsafeRawBufferPointer, request: RequestState) -> MHD_Result {
        request.receivedBytes += chunk.count
        if request.receivedBytes > drainLimit { return .NO }
        if request.oversized { return .YES }
        if request.receivedBytes > maxBodyBytes {
            request.oversized = true
            request.body = []
            return .YES
        }
        request.body.append(contentsOf: chunk)
        return .YES
    }

    /// Hands a response to libmicrohttpd. It computes `Content-Length` and framing itself, so
    /// those headers from the application are dropped rather than duplicated.
    private func queue(_ response: HTTPResponse, on connection: OpaquePointer, closing: Bool) -> MHD_Result {
        let created = response.body.withUnsafeBytes {
            MHD_create_response_from_buffer($0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for header in response.headers {
            let name = header.name.lowercased()
            if name == "content-length" || name == "transfer-encoding" { continue }
            if closing && name == "connection" { continue }
            if MHD_add_response_header(mhdResponse, header.name, header.value) != .YES {
                log("response header \(header.name) was refused by libmicrohttpd and dropped")
            }
        }
        if closing { _ = MHD_add_response_header(mhdResponse, "Connection", "close") }
        let status = (100...599).contains(response.status) ? UInt32(response.status) : 500
        return MHD_queue_response(connection, status, mhdResponse)
    }

    /// All request headers in arrival order, names as the client spelled them.
    private static func headers(of connection: OpaquePointer) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        withUnsafeMutablePointer(to: &headers) {
            _ = MHD_get_connection_values_n(connection, .HEADER_KIND, collectHeader, $0)
        }
        return headers
    }
}
