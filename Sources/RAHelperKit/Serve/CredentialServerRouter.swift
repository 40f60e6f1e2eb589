import RAHTTP

/// Sends each request to the IMDS emulation or the container endpoint, and answers anything else
/// as Go's `ServeMux` does (`404 page not found`), so clients probing other metadata paths get
/// what they would from the official helper.
struct CredentialServerRouter: Responder {
    let metadata: InstanceMetadataEndpoint
    let container: ContainerCredentialsEndpoint?
    let logger: HelperLogger

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let path = Self.decodedPath(request.path)
        let response: HTTPResponse
        if let container, path == container.path {
            response = container.respond(to: request)
        } else if let route = InstanceMetadataEndpoint.route(path, roleName: metadata.roleName) {
            response = metadata.respond(to: request, route: route)
        } else {
            response = Self.notFound
        }
        logger.debug("\(request.method) \(path) -> \(response.status)")
        return response
    }

    /// Go's `http.NotFound`.
    static let notFound = HTTPResponse(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8"),
                                                              ("X-Content-Type-Options", "nosniff")],
                                       body: Array("404 page not found\n".utf8))

    /// The path with `%XX` escapes decoded, as Go's `URL.Path` holds it; a malformed escape is
    /// kept as written (it then matches no route).
    static func decodedPath(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return raw }
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
