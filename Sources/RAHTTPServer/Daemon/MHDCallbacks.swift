internal import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libmicrohttpd's C callbacks. They capture nothing (a C function pointer cannot), so each one
// recovers the `ServerContext` or `RequestState` from the opaque pointer libmicrohttpd passes back.

/// Called once per request with the raw request target, before libmicrohttpd decodes it: the only
/// place the query string is still exactly what the client signed. The returned object becomes the
/// request's `*con_cls` and is released in `requestCompleted`.
let uriLogged: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
    -> UnsafeMutableRawPointer? = { _, uri, connection in
    let remote = connection.flatMap { ra_mhd_client_addr($0) }.map(peerAddressText) ?? ""
    let state = RequestState(rawURI: uri.map { String(cString: $0) } ?? "", remoteAddress: remote)
    return Unmanaged.passRetained(state).toOpaque()
}

/// Every step of a request (headers, each body chunk, end of body) arrives here.
let accessHandler: MHD_AccessHandlerCallback = { cls, connection, _, method, _, uploadData, uploadDataSize, conCls in
    guard let cls, let connection, let method, let uploadDataSize, let statePointer = conCls?.pointee else {
        return .NO
    }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    let request = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()
    return context.handle(connection: connection, method: method, uploadData: uploadData,
                          uploadDataSize: uploadDataSize, request: request)
}

/// Releases the per-request state, however the request ended (answered, aborted, shut down).
let requestCompleted: MHD_RequestCompletedCallback = { _, _, conCls, _ in
    guard let conCls, let statePointer = conCls.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(statePointer).release()
    conCls.pointee = nil
}

/// Appends one header to the `[(name, value)]` array `cls` points to.
let collectHeader: MHD_KeyValueIteratorN = { cls, _, key, keySize, value, valueSize in
    guard let cls, let key else { return .YES }
    let headers = cls.assumingMemoryBound(to: [(name: String, value: String)].self)
    let name = String(decoding: UnsafeRawBufferPointer(start: key, count: keySize), as: UTF8.self)
    let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) } ?? ""
    headers.pointee.append((name: name, value: text))
    return .YES
}

/// libmicrohttpd's diagnostics, formatted and handed to the context.
let logMessage: MHD_LogCallback = { cls, format, arguments in
    guard let cls, let format, let arguments else { return }
    var buffer = [CChar](repeating: 0, count: 512)
    _ = vsnprintf(&buffer, buffer.count, format, arguments)
    var text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    while text.last?.isNewline == true { text.removeLast() }
    Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().log(text)
}
