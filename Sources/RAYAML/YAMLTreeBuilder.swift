/// Assembles node events into a tree without recursion, resolving aliases on the way.
struct YAMLTreeBuilder {
    /// A collection still being read. A struct with mutable fields, so that appending to the
    /// innermost collection happens in place.
    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        /// Nodes in this collection so far, itself included (what an alias to it will cost).
        var size = 1
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?

        var node: YAMLNode { isMapping ? .mapping(pairs, tag: tag) : .sequence(items, tag: tag) }
    }

    /// An anchored node and how many nodes it expands to, so an alias can be charged its full size.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    private let maxNodes: Int
    private let maxDepth: Int
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0

    init(maxNodes: Int, maxDepth: Int) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    /// Feeds one node event; returns the root once it is complete.
    mutating func consume(_ event: YAMLEvent, at mark: YAMLMark) throws(YAMLError) -> YAMLNode? {
        switch event {
        case let .scalar(value, anchor, tag, plain):
            try charge(1, at: mark)
            return complete(.scalar(value, tag: tag, plain: plain), size: 1, anchor: anchor)
        case let .alias(name):
            guard let anchored = anchors[name] else {
                throw YAMLError(line: mark.line, column: mark.column, problem: "found undefined alias '\(name)'")
            }
            try charge(anchored.size, at: mark)
            return complete(anchored.node, size: anchored.size, anchor: nil)
        case let .sequenceStart(anchor, tag):
            try open(Frame(isMapping: false, tag: tag, anchor: anchor), at: mark)
            return nil
        case let .mappingStart(anchor, tag):
            try open(Frame(isMapping: true, tag: tag, anchor: anchor), at: mark)
            return nil
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else {
                throw YAMLError(line: mark.line, column: mark.column, problem: "unbalanced collection end")
            }
            return complete(frame.node, size: frame.size, anchor: frame.anchor)
        case .streamStart, .streamEnd, .documentStart, .documentEnd:
            return nil
        }
    }

    private mutating func open(_ frame: Frame, at mark: YAMLMark) throws(YAMLError) {
        guard stack.count < maxDepth else {
            throw YAMLError(line: mark.line, column: mark.column,
                            problem: "collections are nested deeper than \(maxDepth) levels")
        }
        try charge(1, at: mark)
        stack.append(frame)
    }

    private mutating func charge(_ size: Int, at mark: YAMLMark) throws(YAMLError) {
        nodeCount += size
        guard nodeCount <= maxNodes else {
            throw YAMLError(line: mark.line, column: mark.column,
                            problem: "the document expands to more than \(maxNodes) nodes (too many aliases?)")
        }
    }

    /// Records an anchor and attaches the finished node to its parent, or returns it as the root.
    private mutating func complete(_ node: YAMLNode, size: Int, anchor: String?) -> YAMLNode? {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size) }
        guard !stack.isEmpty else { return node }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append((key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
        return nil
    }
}
