import Testing
import RAYAML

@Suite struct YAMLParserTests {
    @Test(arguments: [
        ("plain", YAMLNode.scalar("plain", tag: nil, plain: true)),
        ("'single quoted'", .scalar("single quoted", tag: nil, plain: false)),
        ("\"double \\t quoted\"", .scalar("double \t quoted", tag: nil, plain: false)),
        ("42", .scalar("42", tag: nil, plain: true)),
        ("!!str 42", .scalar("42", tag: "tag:yaml.org,2002:str", plain: true)),
        ("!Ref Thing", .scalar("Thing", tag: "!Ref", plain: true)),
        ("|\n  line one\n  line two\n", .scalar("line one\nline two\n", tag: nil, plain: false)),
        (">-\n  folded\n  text\n", .scalar("folded text", tag: nil, plain: false)),
        ("", nil),
    ] as [(String, YAMLNode?)])
    func scalars(text: String, expected: YAMLNode?) throws {
        if let expected {
            #expect(try YAMLParser.parse(text) == expected)
        } else {
            #expect(throws: YAMLError(line: 1, column: 1, problem: "the text contains no YAML document")) {
                try YAMLParser.parse(text)
            }
        }
    }

    @Test func sequencesAndMappingsKeepOrder() throws {
        let node = try YAMLParser.parse("""
            zeta: 1
            alpha:
              - x
              - [y, 'z']
            mid: {k: v}
            """)
        let expected = YAMLNode.mapping([
            (key: .scalar("zeta", tag: nil, plain: true), value: .scalar("1", tag: nil, plain: true)),
            (key: .scalar("alpha", tag: nil, plain: true), value: .sequence([
                .scalar("x", tag: nil, plain: true),
                .sequence([.scalar("y", tag: nil, plain: true), .scalar("z", tag: nil, plain: false)], tag: nil),
            ], tag: nil)),
            (key: .scalar("mid", tag: nil, plain: true), value: .mapping([
                (key: .scalar("k", tag: nil, plain: true), value: .scalar("v", tag: nil, plain: true)),
            ], tag: nil)),
        ], tag: nil)
        #expect(node == expected)
        let reordered = YAMLNode.mapping([
            (key: .scalar("b", tag: nil, plain: true), value: .scalar("1", tag: nil, plain: true)),
            (key: .scalar("a", tag: nil, plain: true), value: .scalar("2", tag: nil, plain: true)),
        ], tag: nil)
        #expect(try YAMLParser.parse("a: 2\nb: 1") != reordered)
    }

    @Test func tagsOnCollections() throws {
        let node = try YAMLParser.parse("!GetAtt [Role, Arn]")
        #expect(node == .sequence([.scalar("Role", tag: nil, plain: true), .scalar("Arn", tag: nil, plain: true)],
                                  tag: "!GetAtt"))
        let mapped = try YAMLParser.parse("!Sub\n  a: b\n")
        #expect(mapped.tag == "!Sub")
    }

    @Test func aliasesAreCopiesOfAnchoredNodes() throws {
        let node = try YAMLParser.parse("""
            base: &shared
              name: one
            copy: *shared
            scalar: &s hello
            again: *s
            """)
        guard case .mapping(let pairs, _) = node else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs.count == 4)
        #expect(pairs[1].value == pairs[0].value)
        #expect(pairs[3].value == .scalar("hello", tag: nil, plain: true))
    }

    @Test func aliasBombIsRefused() {
        let bomb = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            """
        #expect(throws: YAMLError(line: 6, column: 36,
                                  problem: "the document expands to more than 1000000 nodes (too many aliases?)")) {
            try YAMLParser.parse(bomb)
        }
        #expect(throws: YAMLError.self) { try YAMLParser.parse("a: [1, 2, 3]", maxNodes: 4, maxDepth: 10) }
        #expect(throws: Never.self) { try YAMLParser.parse("a: [1, 2, 3]", maxNodes: 6, maxDepth: 10) }
    }

    @Test(arguments: [
        ("a: b\nc: d: e\n", YAMLError(line: 2, column: 5, problem: "mapping values are not allowed in this context")),
        ("key: [1, 2\nnext: 3\n", YAMLError(line: 2, column: 5, problem: "did not find expected ',' or ']'")),
        ("a: *missing\n", YAMLError(line: 1, column: 4, problem: "found undefined alias 'missing'")),
        ("a: &x [*x]\n", YAMLError(line: 1, column: 8, problem: "found undefined alias 'x'")),
        ("a: 1\n---\nb: 2\n", YAMLError(line: 2, column: 1, problem: "expected a single document, but found another document")),
        ("a:\n\t- b\n", YAMLError(line: 2, column: 1, problem: "found character that cannot start any token")),
        ("a: \u{7}\n", YAMLError(line: 1, column: 4, problem: "control characters are not allowed")),
        ("[[[1]]]", YAMLError(line: 1, column: 3, problem: "collections are nested deeper than 2 levels")),
    ])
    func errorsCarryLineAndColumn(text: String, expected: YAMLError) {
        #expect(throws: expected) { try YAMLParser.parse(text, maxNodes: 100, maxDepth: text.hasPrefix("[") ? 2 : 50) }
    }

    @Test func errorDescription() {
        let error = YAMLError(line: 3, column: 5, problem: "mapping values are not allowed in this context")
        #expect(error.description == "line 3, column 5: mapping values are not allowed in this context")
    }
}
