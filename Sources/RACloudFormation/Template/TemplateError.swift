/// Why a template was refused, worded as CloudFormation words it, so operators can search for it.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Decides the prefix CloudFormation puts in front of the detail.
    public enum Kind: Sendable, Equatable {
        /// The template's structure is wrong ("Template format error: ...").
        case format
        /// A function could not be evaluated ("Template error: ...").
        case evaluation
        /// Parameter values or the resource graph are wrong; CloudFormation adds no prefix.
        case validation
    }

    public let kind: Kind
    /// The message without its prefix, so that errors can be wrapped with their place.
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The full message, as CloudFormation would print it.
    public var message: String {
        switch kind {
        case .format: "Template format error: \(detail)"
        case .evaluation: "Template error: \(detail)"
        case .validation: detail
        }
    }

    public var description: String { message }

    static func format(_ detail: String) -> TemplateError { TemplateError(.format, detail) }
    static func evaluation(_ detail: String) -> TemplateError { TemplateError(.evaluation, detail) }
    static func validation(_ detail: String) -> TemplateError { TemplateError(.validation, detail) }

    /// The same problem, said to have happened at `place` ("resource X property Y: ...").
    func placed(_ place: String) -> TemplateError {
        .evaluation("\(place): \(kind == .evaluation ? detail : message)")
    }

    /// `Unresolved resource dependencies [A, B] in the <block> block of the template`.
    static func unresolved(_ names: [String], in block: String) -> TemplateError {
        .format("Unresolved resource dependencies [\(names.joined(separator: ", "))] in the \(block) block of the template")
    }
}
