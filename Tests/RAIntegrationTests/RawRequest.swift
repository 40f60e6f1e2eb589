import Foundation

/// One hand-made HTTPS request, sent by Python's http.client so nothing in between repairs it.
/// With `signWith` set, iam-rolesanywhere-session's signer signs it first (a valid signature over
/// a body the server must then reject on its own merits).
struct RawRequest: Encodable, Sendable {
    struct Signer: Encodable, Sendable {
        let certificate: String
        let key: String
    }

    var method = "POST"
    var path = "/sessions"
    var headers: [String: String] = [:]
    var body = ""
    /// Sends this many bytes of `x` as the body instead of `body`.
    var bodyBytes: Int?
    /// Adds an `X-Padding` header with this many characters.
    var paddingHeaderBytes: Int?
    var signWith: Signer?

    /// What came back: an HTTP answer, or the exception Python saw.
    struct Response: Decodable, Sendable, CustomStringConvertible {
        let status: Int?
        let errorType: String?
        let contentType: String?
        let body: String?
        let error: String?

        var description: String {
            error.map { "connection error: \($0)" } ?? "HTTP \(status ?? 0) \(errorType ?? "-") \(contentType ?? "-") \(body ?? "")"
        }
    }

    static let script = """
        import http.client, json, ssl, sys
        port, cafile, spec = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
        headers = dict(spec["headers"])
        body = spec["body"].encode()
        if spec.get("bodyBytes") is not None:
            body = b"x" * spec["bodyBytes"]
        if spec.get("paddingHeaderBytes") is not None:
            headers["X-Padding"] = "a" * spec["paddingHeaderBytes"]
        if spec.get("signWith"):
            from botocore.awsrequest import AWSRequest
            from iam_rolesanywhere_session import IAMRolesAnywhereSigner
            signer = IAMRolesAnywhereSigner(certificate=open(spec["signWith"]["certificate"], "rb").read(),
                                            private_key=open(spec["signWith"]["key"], "rb").read(), region="us-east-1")
            request = AWSRequest(method=spec["method"], url="https://localhost:%d%s" % (port, spec["path"]), data=body)
            signer.add_auth(request)
            headers = {**dict(request.headers.items()), **headers}
        connection = http.client.HTTPSConnection("localhost", port, timeout=30,
                                                 context=ssl.create_default_context(cafile=cafile))
        try:
            connection.request(spec["method"], spec["path"], body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            print(json.dumps({"status": response.status, "errorType": response.getheader("X-Amzn-ErrorType"),
                              "contentType": response.getheader("Content-Type"),
                              "body": data.decode("utf-8", "replace")}))
        except Exception as exception:
            print(json.dumps({"error": "%s: %s" % (type(exception).__name__, exception)}))
        """

    func send(to deployment: EdgeDeployment) async throws -> Response {
        let spec = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        let run = try await deployment.python(Self.script, arguments: [String(deployment.server.port), deployment.tlsCABundle, spec])
        guard run.succeeded, let response = try? JSONDecoder().decode(Response.self, from: Data(run.standardOutput.utf8)) else {
            throw FixtureError("the raw request could not be sent: \(run)")
        }
        return response
    }
}
