internal import CYAML

/// The only owner of libyaml state: the parser struct and the input bytes it reads from.
///
/// libyaml keeps a raw pointer to the input, so the bytes are copied into a buffer that lives
/// exactly as long as the parser; both are released in `deinit`.
final class LibYAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCount: Int

    init(text: String) throws(YAMLError) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        buffer.initialize(repeating: 0, count: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        input = buffer
        inputCount = bytes.count
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw YAMLError(line: 1, column: 1, problem: "libyaml could not initialise a parser")
        }
        yaml_parser_set_input_string(parser, input, inputCount)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event with the position where it starts.
    func next() throws(YAMLError) -> (event: YAMLEvent, mark: YAMLMark) {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { throw currentError() }
        defer { yaml_event_delete(&raw) }
        let mark = YAMLMark(line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1)
        return (convert(raw), mark)
    }

    private func convert(_ raw: yaml_event_t) -> YAMLEvent {
        switch raw.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(raw.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = raw.data.scalar
            let value: String
            if let bytes = scalar.value {
                value = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(scalar.length)), as: UTF8.self)
            } else {
                value = ""
            }
            return .scalar(value: value, anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag),
                           plain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
        case YAML_SEQUENCE_START_EVENT:
            let start = raw.data.sequence_start
            return .sequenceStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag))
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = raw.data.mapping_start
            return .mappingStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag))
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT which libyaml only yields after the end.
            return .streamEnd
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func currentError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        if state.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset instead of a mark.
            let position = Self.position(ofByte: state.problem_offset, in: input, count: inputCount)
            return YAMLError(line: position.line, column: position.column, problem: problem)
        }
        return YAMLError(line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1,
                         problem: problem)
    }

    private static func position(ofByte offset: Int, in bytes: UnsafeMutablePointer<UInt8>, count: Int) -> YAMLMark {
        var mark = YAMLMark(line: 1, column: 1)
        var index = 0
        while index < min(offset, count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                mark.line += 1
                mark.column = 1
            } else if byte & 0xC0 != 0x80 {
                mark.column += 1
            }
            index += 1
        }
        return mark
    }
}
