import Foundation
import RACore
import RATestSupport
import Testing

/// `instanceProperties` within the control plane's bounds: at most 50 entries, keys and values of
/// 1..200 characters; anything else is a ValidationException worded as AWS words it.
struct InstancePropertiesTests {
    static let lengths = "[Member must have length less than or equal to 200, Member must have length greater than or equal to 1]"

    @Test("within the bounds the request is granted", arguments: [0, 1, 50])
    func accepted(_ count: Int) throws {
        let world = try TestWorld()
        let properties = Dictionary(uniqueKeysWithValues: (0..<count).map { ("k\($0)", "v") })
        _ = try world.granted(try world.request(instanceProperties: properties))
        let edges = [String(repeating: "k", count: 200): String(repeating: "v", count: 200), "a": "b"]
        _ = try world.granted(try world.request(instanceProperties: edges))
    }

    @Test("outside the bounds: ValidationException naming the rule", arguments: [
        (["": "v"], "Value '{=v}' at 'instanceProperties' failed to satisfy constraint: Map keys must satisfy constraint: " + lengths),
        (["k": ""], "Value '{k=}' at 'instanceProperties' failed to satisfy constraint: Map value must satisfy constraint: " + lengths),
        ([String(repeating: "k", count: 201): "v"],
         "Value '{\(String(repeating: "k", count: 201))=v}' at 'instanceProperties' failed to satisfy constraint: Map keys must satisfy constraint: " + lengths),
        (["k": String(repeating: "v", count: 201)],
         "Value '{k=\(String(repeating: "v", count: 201))}' at 'instanceProperties' failed to satisfy constraint: Map value must satisfy constraint: " + lengths),
    ])
    func refused(_ properties: [String: String], _ detail: String) throws {
        let world = try TestWorld()
        let failure = try world.refused(try world.request(instanceProperties: properties))
        #expect(failure.code == .validation)
        #expect(failure.httpStatus == 400)
        #expect(failure.message == "1 validation error detected: " + detail)
    }

    @Test("51 entries are one too many")
    func tooMany() throws {
        let world = try TestWorld()
        let properties = Dictionary(uniqueKeysWithValues: (0..<51).map { (String(format: "k%02d", $0), "v") })
        let failure = try world.refused(try world.request(instanceProperties: properties))
        let shown = "{" + properties.keys.sorted().map { "\($0)=v" }.joined(separator: ", ") + "}"
        #expect(failure.code == .validation)
        #expect(failure.message == "1 validation error detected: Value '\(shown)' at 'instanceProperties' failed to satisfy constraint: "
            + "Member must have length less than or equal to 50")
    }
}
