import Testing
import RACrypto

@Suite struct SerialNumberTests {
    @Test(arguments: [
        // (hex input, bytes, hexString, decimalString)
        ("123", [0x01, 0x23], "0123", "291"),
        ("0x0123", [0x01, 0x23], "0123", "291"),
        ("00:01:02", [0x01, 0x02], "0102", "258"),
        ("FF", [0xff], "ff", "255"),
        ("0", [], "00", "0"),
        ("0000", [], "00", "0"),
        ("7fffffffffffffffffffffffffffffffffffffff", [0x7f] + [UInt8](repeating: 0xff, count: 19),
         "7fffffffffffffffffffffffffffffffffffffff", "730750818665451459101842416358141509827966271487"),
        ("010000000000000000", [1, 0, 0, 0, 0, 0, 0, 0, 0], "010000000000000000", "18446744073709551616"),
    ] as [(String, [UInt8], String, String)])
    func hexAndDecimal(hex: String, bytes: [UInt8], hexString: String, decimal: String) throws {
        let serial = try #require(SerialNumber(hex: hex))
        #expect(serial.bytes == bytes)
        #expect(serial.hexString == hexString)
        #expect(serial.decimalString == decimal)
        #expect(SerialNumber(decimal: decimal) == serial)
    }

    @Test func leadingZeroBytesAreDropped() {
        #expect(SerialNumber(bytes: [0, 0, 1]) == SerialNumber(bytes: [1]))
        #expect(SerialNumber(bytes: [0, 0, 1]).bytes == [1])
        #expect(SerialNumber(bytes: [0x00, 0x80]).hexString == "80")
        #expect(SerialNumber(decimal: "000291")?.hexString == "0123")
    }

    @Test(arguments: ["", "xyz", "12g4", "0x"])
    func invalidHex(text: String) {
        #expect(SerialNumber(hex: text) == nil)
    }

    @Test(arguments: ["", "12a", "-5", "1.0", " "])
    func invalidDecimal(text: String) {
        #expect(SerialNumber(decimal: text) == nil)
    }

    @Test(arguments: [1, 8, 16, 20])
    func randomHasExactLengthAndIsPositive(count: Int) {
        for _ in 0..<50 {
            let serial = SerialNumber.random(byteCount: count)
            #expect(serial.bytes.count == count)
            #expect(serial.bytes[0] & 0x80 == 0)
            #expect(serial.bytes[0] != 0)
        }
        #expect(SerialNumber.random().bytes.count == 16)
    }
}
