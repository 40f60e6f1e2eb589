import Foundation
@testable import RAWire

/// Shared fixtures for the RAWire tests.
enum Fixture {
    /// 2024-07-06T11:38:59Z, the date every golden vector was produced at (epoch from Python's calendar.timegm).
    static let signingDate = Date(timeIntervalSince1970: 1_720_265_939)

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The request a server would see after the client applied the signer's headers.
    static func received(_ request: SignableRequest, signed: SignedRequest) -> SignableRequest {
        var copy = request
        copy.headers = signed.applied(to: request.headers)
        return copy
    }
}
