/// What one request accumulates between libmicrohttpd's calls into the access handler.
///
/// Lives only behind libmicrohttpd's per-request `*con_cls` pointer: created (retained) in the URI
/// log callback, released in the completion callback. libmicrohttpd runs one connection on one
/// thread at a time, so it is never shared and need not be `Sendable`.
final class RequestState {
    /// The request target exactly as sent, query and percent-encoding intact.
    let rawURI: String
    let remoteAddress: String
    /// False until the first access-handler call, which only announces the headers.
    var headersSeen = false
    var body: [UInt8] = []
    /// Every body byte received, including those discarded once the cap was passed.
    var receivedBytes = 0
    /// Set once the body passed the cap; the body is then discarded, not buffered.
    var oversized = false

    init(rawURI: String, remoteAddress: String) {
        self.rawURI = rawURI
        self.remoteAddress = remoteAddress
    }
}
