import Testing
@testable import RAWire

/// The Go-compatible JSON writer.
struct JSONValueTests {
    @Test func structureAndScalars() {
        let value = JSONValue.object([("a", .array([.integer(-1), .bool(true), .bool(false), .null])),
                                      ("b", .object([])), ("c", .array([])), ("d", .string("/x"))])
        #expect(value.serialized() == #"{"a":[-1,true,false,null],"b":{},"c":[],"d":"/x"}"#)
    }

    @Test func htmlEscapingIsOptional() {
        #expect(JSONValue.string("<a&b>").serialized() == #""<a&b>""#)
        #expect(JSONValue.string("<a&b>").serialized(escapingHTML: true) == #""\u003ca\u0026b\u003e""#)
    }

    @Test func controlAndSeparatorCharacters() {
        #expect(JSONValue.string("\u{00}\u{1B}\u{2028}x\u{2029}").serialized() == #""\u0000\u001b\u2028x\u2029""#)
    }
}
