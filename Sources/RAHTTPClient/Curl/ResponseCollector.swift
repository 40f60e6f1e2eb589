/// Gathers the response as libcurl delivers it, through the C callbacks below.
///
/// Passed to libcurl as an unretained pointer that lives for one `curl_easy_perform` on one
/// thread, so it is never shared.
final class ResponseCollector {
    let limit: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    var exceededLimit = false

    init(limit: Int) { self.limit = limit }

    /// One raw header line, CRLF included. A status line starts a new header block, so only the
    /// final response's headers survive (after `100 Continue` or a proxy's `CONNECT` answer).
    func headerLine(_ bytes: UnsafeRawBufferPointer) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while line.last?.isNewline == true { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            headers = []
            return
        }
        if line.isEmpty { return }
        if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
            headers[headers.count - 1].value += " " + line.trimmingWhitespace()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        headers.append((name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingWhitespace()))
    }

    /// Appends body bytes; false once the limit is passed, which makes libcurl abort.
    func bodyChunk(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}

/// libcurl's `CURLOPT_HEADERFUNCTION`: one header line per call.
let receiveHeaderLine: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, userData in
    guard let userData else { return 0 }
    let length = size * count
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue()
    collector.headerLine(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
    return length
}

/// libcurl's `CURLOPT_WRITEFUNCTION`: a piece of the body. Returning less than given aborts.
let receiveBody: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, userData in
    guard let userData else { return 0 }
    let length = size * count
    let collector = Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue()
    return collector.bodyChunk(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length)) ? length : 0
}
