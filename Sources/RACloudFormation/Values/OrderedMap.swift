/// A string-keyed map that remembers insertion order, because templates and policy documents
/// are read by people: printing them back in their own order keeps them recognisable.
///
/// Equality ignores order (JSON objects mean the same whatever their order); iteration and
/// printing follow it.
public struct OrderedMap: Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: TemplateValue] = [:]

    public init() {}

    /// Later duplicates replace the value but keep the first key's position.
    public init(_ pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Values in key order.
    public var values: [TemplateValue] { keys.compactMap { storage[$0] } }

    /// Reading a missing key gives nil; assigning nil removes the key.
    public subscript(key: String) -> TemplateValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public func contains(_ key: String) -> Bool { storage[key] != nil }
}

extension OrderedMap: Equatable {
    public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool { lhs.storage == rhs.storage }
}

extension OrderedMap: Sequence {
    /// Walks the pairs in insertion order.
    public struct Iterator: IteratorProtocol {
        private let map: OrderedMap
        private var index = 0

        init(_ map: OrderedMap) { self.map = map }

        public mutating func next() -> (key: String, value: TemplateValue)? {
            while index < map.keys.count {
                let key = map.keys[index]
                index += 1
                if let value = map.storage[key] { return (key: key, value: value) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }
}

extension OrderedMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}
