/// An error as AWS puts it on the wire: an HTTP status, an AWS error code and a message that is
/// safe to show the caller.
///
/// Everything in RAWire that rejects input throws this, so a server can answer with it directly
/// (or map it to a terser code first). Messages never contain secrets or signatures; the
/// detailed reason for a denial belongs in the audit record, not here.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// HTTP status code of the response that carries the error.
    public var status: Int
    /// AWS error code, e.g. `AccessDeniedException`; clients match on it.
    public var code: String
    /// Human-readable text for the caller.
    public var message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// `Code: message`, the form AWS CLIs print.
    public var description: String { "\(code): \(message)" }

    /// True for 4xx errors: the query protocol reports them as `Sender` faults.
    public var isSenderFault: Bool { status < 500 }

    /// 403, the uniform answer for authentication and authorisation failures.
    public static func accessDenied(_ message: String) -> WireError {
        WireError(status: 403, code: "AccessDeniedException", message: message)
    }

    /// 400 for well-formed requests whose values break a constraint.
    public static func validation(_ message: String) -> WireError {
        WireError(status: 400, code: "ValidationException", message: message)
    }

    /// 404 for a named resource that does not exist.
    public static func resourceNotFound(_ message: String) -> WireError {
        WireError(status: 404, code: "ResourceNotFoundException", message: message)
    }

    /// 400 for bodies that are not JSON or have a member of the wrong type.
    public static func serialization(_ message: String) -> WireError {
        WireError(status: 400, code: "SerializationException", message: message)
    }

    /// 400 for a malformed `Authorization` header or `X-Amz-Date`, as SigV4 services answer.
    public static func incompleteSignature(_ message: String) -> WireError {
        WireError(status: 400, code: "IncompleteSignatureException", message: message)
    }

    /// 403 for a signature that does not verify (rest-json services).
    public static func invalidSignature(_ message: String) -> WireError {
        WireError(status: 403, code: "InvalidSignatureException", message: message)
    }

    /// 403 for a signature that does not verify (query-protocol services: STS, IAM).
    public static func signatureDoesNotMatch(_ message: String) -> WireError {
        WireError(status: 403, code: "SignatureDoesNotMatch", message: message)
    }

    /// 400 for a query string or form body with a broken percent-escape.
    public static func malformedQueryString(_ message: String) -> WireError {
        WireError(status: 400, code: "MalformedQueryString", message: message)
    }

    /// 400 when `X-Amz-Content-Sha256` names a hash the body does not have.
    public static func contentSHA256Mismatch() -> WireError {
        WireError(status: 400, code: "XAmzContentSHA256Mismatch",
                  message: "The provided 'x-amz-content-sha256' header does not match what was computed.")
    }

    /// 429 when a caller exceeds its rate.
    public static func throttling(_ message: String = "Rate exceeded") -> WireError {
        WireError(status: 429, code: "ThrottlingException", message: message)
    }

    /// 500 for faults on our side; the cause goes to the log, not the message.
    public static func internalFailure(_ message: String = "An internal error occurred.") -> WireError {
        WireError(status: 500, code: "InternalFailure", message: message)
    }
}
