import Foundation
import Testing
import RACrypto

@Suite struct PEMTests {
    @Test func encodeWrapsAt64Columns() {
        let der = [UInt8](0..<100)
        let text = PEM.encode(der: der, label: "TEST")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "-----BEGIN TEST-----")
        #expect(lines[1].count == 64)
        #expect(lines[2].count == 64)
        #expect(lines[3] == "YGFiYw==")  // 136 base64 characters in all
        #expect(lines[4] == "-----END TEST-----")
        #expect(lines.last == "")
    }

    @Test func blocksKeepOrderAndSkipNoise() {
        let text = "Bag Attributes\n    localKeyID: 01\n" + PEM.encode(der: [1, 2, 3], label: "CERTIFICATE")
            + "junk\r\n" + PEM.encode(der: [4, 5], label: "PRIVATE KEY").replacingOccurrences(of: "\n", with: "\r\n")
            + "-----BEGIN A-----\nAQI=\n-----END B-----\n"
        let blocks = PEM.blocks(in: text)
        #expect(blocks.map(\.label) == ["CERTIFICATE", "PRIVATE KEY"])
        #expect(blocks.map(\.der) == [[1, 2, 3], [4, 5]])
    }
}
