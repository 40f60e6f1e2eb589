import Foundation
import RACore
import RACrypto
import RAHTTP
import RAServer
import RATestSupport
import Testing

/// Refusals in the rest-json shape the official helper parses (spec §2.6), with AWS's terse
/// messages; the operator's reason stays in the audit trail.
struct ErrorShapeTests {
    @Test("an untrusted certificate: 403, X-Amzn-ErrorType and {__type, message}, no internal reason")
    func untrusted() throws {
        let world = try TestWorld()
        try world.importCRL(try world.pki.crl(by: world.pki.intermediate, revoking: [world.client.certificate.serialNumber]),
                            name: "issuing-ca-crl")
        let response = world.respond(try world.request())
        try expectJSONError(response, status: 403, code: "AccessDeniedException", message: "Untrusted Signing Certificate")
        #expect(response.text == #"{"__type":"AccessDeniedException","message":"Untrusted Signing Certificate"}"#)
        #expect(!response.text.contains("revoked"))
        #expect(!response.text.contains("issuing-ca-crl"))
        let record = try #require(try world.auditRecords().last)
        #expect(record.denialReason?.contains("revoked by CRL 'issuing-ca-crl'") == true)
        #expect(record.requestId == response.header("x-amzn-RequestId"))
    }

    @Test("each refusal kind renders with its code and status", arguments: [
        ("bad signature", 403, "AccessDeniedException", "Invalid signature"),
        ("roleSessionName", 403, "AccessDeniedException", "Not authorized to set roleSessionName."),
        ("duration", 400, "ValidationException",
         "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        ("unknown profile", 404, "ResourceNotFoundException",
         "Profile arn:aws:rolesanywhere:us-east-1:123456789012:profile/00000000-0000-4000-8000-000000000000 was not found."),
        ("no authorization", 403, "AccessDeniedException", "Missing Authentication Token"),
    ])
    func kinds(_ kind: String, _ status: Int, _ code: String, _ message: String) throws {
        let world = try TestWorld()
        let request: HTTPRequest = switch kind {
        case "bad signature": try world.request(breaking: [.tamperedSignature])
        case "roleSessionName": try world.request(roleSessionName: "job")
        case "duration": try world.request(durationSeconds: 60)
        case "unknown profile": try {
            var factory = world.requests
            factory.profileArn = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/00000000-0000-4000-8000-000000000000"
            return try factory.request(signedBy: world.client, at: world.now)
        }()
        default: try world.request(breaking: [.header("Authorization", nil)])
        }
        try expectJSONError(world.respond(request), status: status, code: code, message: message)
    }

    @Test("unknown paths and methods are 404 in the same JSON shape, and audited", arguments: [
        ("GET", "/unknown"), ("POST", "/session"), ("POST", "/sessionsx"), ("PUT", "/"), ("DELETE", "/"),
        ("POST", "/sessions/extra"), ("GET", "/trustanchors/../sessions"), ("GET", ""), ("POST", "*"),
    ])
    func notFound(_ method: String, _ path: String) throws {
        let world = try TestWorld()
        let request = HTTPRequest(method: method, rawURI: path, headers: [("User-Agent", "probe/1.0")], remoteAddress: "198.51.100.7")
        let response = world.respond(request)
        try expectJSONError(response, status: 404, code: "UnknownOperationException",
                            message: "No operation matches \(method) \(request.path)")
        let records = try world.auditRecords()
        try #require(records.count == 1)
        #expect(records[0].eventName == "Unknown")
        #expect(records[0].eventSource == "rolesanywhere.amazonaws.com")
        #expect(records[0].errorCode == "UnknownOperationException")
        #expect(records[0].errorMessage == "No operation matches \(method) \(request.path)")
        #expect(records[0].sourceIPAddress == "198.51.100.7")
        #expect(records[0].userAgent == "probe/1.0")
        #expect(records[0].requestId == response.header("x-amzn-RequestId"))
    }

    @Test("a method other than POST on /sessions is 405, and audited as CreateSession")
    func wrongMethod() throws {
        let world = try TestWorld()
        let methods = ["GET", "PUT", "DELETE", "PATCH"]
        for method in methods {
            let request = HTTPRequest(method: method, rawURI: "/sessions", headers: [("User-Agent", "ua-\(method)")],
                                      remoteAddress: "198.51.100.8")
            try expectJSONError(world.respond(request), status: 405,
                                code: "MethodNotAllowedException", message: "\(method) is not allowed on /sessions; use POST")
        }
        let records = try world.auditRecords()
        #expect(records.map(\.eventName) == Array(repeating: "CreateSession", count: methods.count))
        #expect(records.map(\.errorCode) == Array(repeating: "MethodNotAllowedException", count: methods.count))
        #expect(records.map(\.userAgent) == methods.map { "ua-\($0)" })
        #expect(records.allSatisfy { $0.sourceIPAddress == "198.51.100.8" })
    }

    @Test("health checks are not audited")
    func healthNotAudited() throws {
        let world = try TestWorld()
        #expect(world.respond(HTTPRequest(method: "GET", rawURI: "/ping")).status == 200)
        #expect(try world.auditRecords().isEmpty)
    }

    @Test("the oversized-body answer has the same shape, and is audited with the certificate")
    func oversized() throws {
        let world = try TestWorld()
        let application = world.application(at: world.now)
        let signed = try world.request()
        let headersOnly = HTTPRequest(method: "POST", rawURI: signed.rawURI, headers: signed.headers, body: [],
                                      remoteAddress: "127.0.0.9")
        try expectJSONError(application.respondToOversizedBody(headersOnly, limit: 65536), status: 413,
                            code: "ValidationException", message: "Request body exceeds the limit of 65536 bytes")
        let records = try world.auditRecords()
        #expect(records.count == 1)
        #expect(records.first?.eventName == "CreateSession")
        #expect(records.first?.errorCode == "ValidationException")
        #expect(records.first?.sourceIPAddress == "127.0.0.9")
        #expect(records.first?.certificate?.serialNumberHex == world.client.certificate.serialNumber.hexString)
        #expect(records.first?.denialReason?.contains("65536-byte limit") == true)
    }
}
