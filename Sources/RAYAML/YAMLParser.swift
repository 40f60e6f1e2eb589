/// Reads one YAML 1.1 document into a `YAMLNode` tree.
///
/// Choices a caller should know:
/// - A stream with more than one document is refused (a template is one document, and silently
///   dropping the rest would deploy something other than what was written).
/// - A stream with no document at all is refused too.
/// - Aliases become copies of their anchored node; an anchor must be defined before its alias,
///   so a node cannot contain itself.
/// - `maxNodes` bounds the size of the tree after alias expansion (a "billion laughs" document is
///   small as text and huge once expanded); `maxDepth` bounds nesting so that later recursive
///   walks cannot exhaust the stack.
public enum YAMLParser {
    public static let defaultMaxNodes = 1_000_000
    public static let defaultMaxDepth = 256

    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode {
        try parse(text, maxNodes: defaultMaxNodes, maxDepth: defaultMaxDepth)
    }

    public static func parse(_ text: String, maxNodes: Int, maxDepth: Int) throws(YAMLError) -> YAMLNode {
        let reader = try LibYAMLEventReader(text: text)
        var builder = YAMLTreeBuilder(maxNodes: maxNodes, maxDepth: maxDepth)
        var document: YAMLNode?
        while true {
            let (event, mark) = try reader.next()
            switch event {
            case .streamStart, .documentEnd:
                continue
            case .documentStart:
                if document != nil {
                    throw YAMLError(line: mark.line, column: mark.column,
                                    problem: "expected a single document, but found another document")
                }
            case .streamEnd:
                guard let document else {
                    throw YAMLError(line: mark.line, column: mark.column, problem: "the text contains no YAML document")
                }
                return document
            default:
                if let root = try builder.consume(event, at: mark) {
                    document = root
                    builder = YAMLTreeBuilder(maxNodes: maxNodes, maxDepth: maxDepth)
                }
            }
        }
    }
}
