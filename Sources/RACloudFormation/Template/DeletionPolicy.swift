/// What happens to a resource's physical object when the stack stops managing it.
public enum DeletionPolicy: String, Sendable, Equatable, CaseIterable {
    case delete = "Delete"
    case retain = "Retain"
    case snapshot = "Snapshot"
    case retainExceptOnDelete = "RetainExceptOnDelete"
}
