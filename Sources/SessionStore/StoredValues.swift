import GRDB

/// A value in the store that is not of its column's type: a store edited by hand, damaged, or
/// written by another program. GRDB's row subscript stops the process on it; `Row.value` throws
/// this instead, and `SessionStore.storeError` names the file.
struct DamagedValue: Error {
  let detail: String
}

extension Row {
  /// The value of `column` as `T`. A value of another type (text where an integer belongs, a
  /// blob that is not UTF-8 where text belongs) throws `DamagedValue`, naming the row by the
  /// `table` and the row's id.
  func value<T: DatabaseValueConvertible>(_ column: String, in table: String) throws -> T {
    do {
      return try decode(T.self, forColumn: column)
    } catch {
      let found = Self.describe(self[column] as DatabaseValue)
      let id: Int64? = try? decode(Int64.self, forColumn: "id")
      let row = id.map { "\(table) \($0)" } ?? table
      throw DamagedValue(
        detail: "\(row): its \(column) holds \(found), not \(Self.expected(T.self))")
    }
  }

  private static func describe(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: return "NULL"
    case .int64(let n): return "the integer \(n)"
    case .double(let x): return "the number \(x)"
    case .string(let s): return "text of \(s.utf8.count) bytes"
    case .blob(let data): return "a blob of \(data.count) bytes"
    }
  }

  private static func expected<T>(_ type: T.Type) -> String {
    switch type {
    case is String.Type, is String?.Type: return "text"
    case is Int.Type, is Int64.Type, is Int?.Type, is Int64?.Type:
      return "an integer in range"
    case is Double.Type, is Double?.Type: return "a number"
    default: return "a \(type)"
    }
  }
}
