import Testing
import RAYAML
import RACloudFormation

@Suite struct TemplateValueTests {
    private func yamlValue(_ text: String) throws -> TemplateValue {
        try TemplateValue(yaml: YAMLParser.parse(text))
    }

    @Test(arguments: [
        ("true", TemplateValue.bool(true)),
        ("False", .bool(false)),
        ("'true'", .string("true")),
        ("yes", .string("yes")),
        ("3600", .number(3600)),
        ("-2.5e3", .number(-2500)),
        ("'3600'", .string("3600")),
        ("012345678901", .string("012345678901")),
        ("0", .number(0)),
        ("0x1F", .string("0x1F")),
        ("2010-09-09", .string("2010-09-09")),
        ("~", .null),
        ("null", .null),
        ("!!str true", .string("true")),
        ("!!int '12'", .number(12)),
        (".inf", .string(".inf")),
        ("arn:aws:iam::aws:policy/AmazonS3FullAccess", .string("arn:aws:iam::aws:policy/AmazonS3FullAccess")),
    ])
    func plainScalarTyping(text: String, expected: TemplateValue) throws {
        #expect(try yamlValue(text) == expected)
    }

    /// Expected values are written as JSON: the long form a JSON template would contain.
    @Test(arguments: [
        ("!Ref Param", #"{"Ref":"Param"}"#),
        ("!GetAtt Role.Arn", #"{"Fn::GetAtt":["Role","Arn"]}"#),
        ("!GetAtt Db.Endpoint.Address", #"{"Fn::GetAtt":["Db","Endpoint.Address"]}"#),
        ("!GetAtt [Role, Arn]", #"{"Fn::GetAtt":["Role","Arn"]}"#),
        ("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}'", #"{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}"}"#),
        ("!Join [',', [a, !Ref B]]", #"{"Fn::Join":[",",["a",{"Ref":"B"}]]}"#),
        ("!If [IsProd, 1, !Ref AWS::NoValue]", #"{"Fn::If":["IsProd",1,{"Ref":"AWS::NoValue"}]}"#),
        ("!Equals [!Ref Env, prod]", #"{"Fn::Equals":[{"Ref":"Env"},"prod"]}"#),
        ("!Not [!Condition IsProd]", #"{"Fn::Not":[{"Condition":"IsProd"}]}"#),
        ("!And [!Condition A, !Condition B]", #"{"Fn::And":[{"Condition":"A"},{"Condition":"B"}]}"#),
        ("!Or [!Condition A, !Condition B]", #"{"Fn::Or":[{"Condition":"A"},{"Condition":"B"}]}"#),
        ("!Select [0, !GetAZs '']", #"{"Fn::Select":[0,{"Fn::GetAZs":""}]}"#),
        ("!Split [',', 'a,b']", #"{"Fn::Split":[",","a,b"]}"#),
        ("!Base64 hello", #"{"Fn::Base64":"hello"}"#),
        ("!Base64 123", #"{"Fn::Base64":"123"}"#),
        ("!FindInMap [M, K, V]", #"{"Fn::FindInMap":["M","K","V"]}"#),
        ("!ImportValue Shared", #"{"Fn::ImportValue":"Shared"}"#),
        ("!Sub\n  - '${A}-${B}'\n  - B: x\n", #"{"Fn::Sub":["${A}-${B}",{"B":"x"}]}"#),
    ])
    func shortFormTagsBecomeLongForm(text: String, expectedJSON: String) throws {
        let value = try yamlValue(text)
        #expect(value.jsonText == expectedJSON)
        #expect(value == (try TemplateValue(jsonText: expectedJSON)))
    }

    @Test func unknownTagAndDuplicateKeysAreRefused() throws {
        #expect(throws: TemplateError(.format, "Unsupported YAML tag !Foo")) { try yamlValue("!Foo bar") }
        #expect(throws: TemplateError(.format, "Duplicate key 'a' in a YAML mapping")) { try yamlValue("a: 1\na: 2") }
    }

    @Test func jsonKeepsKeyOrderAndRoundTrips() throws {
        let text = #"{"z":1,"a":[true,false,null,"s\"\\\n\u00e9\ud83d\ude00"],"m":{"y":2.5,"b":-0.125,"e":1e3}}"#
        let value = try TemplateValue(jsonText: text)
        #expect(value.mapValue?.keys == ["z", "a", "m"])
        #expect(value.jsonText == #"{"z":1,"a":[true,false,null,"s\"\\\né😀"],"m":{"y":2.5,"b":-0.125,"e":1000}}"#)
        #expect(try TemplateValue(jsonText: value.jsonText) == value)
        let pretty: TemplateValue = ["a": [1, "x"], "b": [:], "c": []]
        #expect(pretty.prettyJSONText == "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}")
        #expect(TemplateValue.string("\u{1}").jsonText == #""\u0001""#)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "JSON not well-formed. (line 1, column 9): expected a string key"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "JSON not well-formed. (line 3, column 3): expected ',' or '}' after an object member"),
        ("[01]", "JSON not well-formed. (line 1, column 3): expected ',' or ']' after an array element"),
        ("{\"a\": 1, \"a\": 2}", "JSON not well-formed. (line 1, column 10): duplicate key 'a'"),
        ("\"\\x\"", "JSON not well-formed. (line 1, column 3): invalid escape"),
        ("[1] 2", "JSON not well-formed. (line 1, column 5): unexpected text after the JSON value"),
        ("", "JSON not well-formed. (line 1, column 1): unexpected end of text"),
    ])
    func jsonErrors(text: String, detail: String) {
        #expect(throws: TemplateError(.format, detail)) { try TemplateValue(jsonText: text) }
    }

    @Test func orderedMapEqualityIgnoresOrderButIterationKeepsIt() {
        var map: OrderedMap = ["b": 1, "a": 2]
        map["c"] = 3
        map["b"] = 4
        #expect(map.keys == ["b", "a", "c"])
        #expect(map.map(\.key) == ["b", "a", "c"])
        map["a"] = nil
        #expect(map.keys == ["b", "c"])
        #expect(map == ["c": 3, "b": 4])
        #expect(TemplateValue.number(3600).scalarText == "3600")
        #expect(TemplateValue.number(0.5).scalarText == "0.5")
    }
}
