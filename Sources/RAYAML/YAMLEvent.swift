/// A libyaml event copied into Swift values, so that nothing outside the reader holds C memory.
enum YAMLEvent: Sendable, Equatable {
    case streamStart
    case streamEnd
    case documentStart
    case documentEnd
    case alias(anchor: String)
    case scalar(value: String, anchor: String?, tag: String?, plain: Bool)
    case sequenceStart(anchor: String?, tag: String?)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?)
    case mappingEnd
}
