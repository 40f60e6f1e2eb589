/// A response body that is not the XML this reader accepts.
public struct XMLResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset into the document where the problem was noticed.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "malformed XML at byte \(offset): \(message)" }
}
