import Foundation
import RACore

/// How records become the JSON text stored in each row: sorted keys so equal records store equal
/// text, and RFC 3339 dates (whole seconds) so the rows read well in the `sqlite3` shell.
struct RecordCodec {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
    }

    func encode<T: Encodable>(_ value: T, kind: String) throws -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError("cannot encode \(kind) for storage: \(error)")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from text: String, kind: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError("a stored \(kind) cannot be decoded (the row is damaged or from an incompatible version): \(error)")
        }
    }
}
