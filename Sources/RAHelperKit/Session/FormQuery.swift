/// Go's `url.Values.Encode`, which the official helper's SDK uses for the ARN query parameters:
/// keys sorted, `QueryEscape` on keys and values (space becomes `+`, every byte outside
/// `A-Z a-z 0-9 - _ . ~` becomes upper-case `%XX`).
enum FormQuery {
    static func encode(_ parameters: [(name: String, value: String)]) -> String {
        parameters
            .sorted { $0.name < $1.name }
            .map { "\(escape($0.name))=\(escape($0.value))" }
            .joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: " "):
                out.append(UInt8(ascii: "+"))
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
