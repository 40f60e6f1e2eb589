/// The basicConstraints extension: whether the subject may issue certificates, and how deep below it.
public struct BasicConstraints: Sendable, Equatable, Hashable {
    public var isCA: Bool
    /// The pathLenConstraint; nil when absent (unlimited).
    public var pathLength: Int?

    public init(isCA: Bool, pathLength: Int? = nil) {
        self.isCA = isCA
        self.pathLength = pathLength
    }
}
