/// A value bound to a statement parameter; the four SQLite storage classes plus NULL.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}
