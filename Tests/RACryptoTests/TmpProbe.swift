import Foundation
import Testing
import RACrypto
@Test func tmpProbe() throws {
    var w = TestPKI.Windows(); w.root.notAfter = TestPKI.now - TestPKI.day
    let p = try TestPKI(windows: w)
    if case .failure(let e) = ChainVerifier.buildPath(leaf: p.leaf, pool: [p.intermediate], anchors: [p.root], at: TestPKI.now) { print("PROBE root", String(describing: e.code), e.reason) }
    var w2 = TestPKI.Windows(); w2.intermediate.notAfter = TestPKI.now - TestPKI.day
    let p2 = try TestPKI(windows: w2)
    if case .failure(let e) = ChainVerifier.buildPath(leaf: p2.leaf, pool: [], anchors: [p2.intermediate], at: TestPKI.now) { print("PROBE int", String(describing: e.code), e.reason) }
}
