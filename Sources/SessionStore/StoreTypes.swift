import Foundation

/// One accepted event of a session, as stored: a typed statement, or a model file imported
/// (the config text that was read, so a replay never reads the file again).
public struct StoredEvent: Equatable, Sendable {
  public enum Kind: String, Sendable {
    case statement
    case importedModel = "import"
  }
  /// The event's row id; stable across undo, redo and edits of other events.
  public var id: Int64
  public var kind: Kind
  /// The statement's source text, or the `import ...` line that read the model.
  public var source: String
  /// For an import: the model's config as JSON text.
  public var config: String?
  /// For an import: the classes declared shape-preserving (`--assume-identity`).
  public var assumeIdentity: [String]

  public init(
    id: Int64 = 0, kind: Kind = .statement, source: String, config: String? = nil,
    assumeIdentity: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.source = source
    self.config = config
    self.assumeIdentity = assumeIdentity
  }

  /// A typed statement.
  public static func statement(_ source: String) -> StoredEvent { StoredEvent(source: source) }
}

/// A session as the store lists it.
public struct SessionInfo: Equatable, Sendable {
  public var id: Int64
  public var name: String
  public var createdAt: Date
  public var usedAt: Date
  /// Bumped by every change to the session's events: a process that loaded an older version
  /// reloads before it writes.
  public var version: Int
  /// How many events are live (the statements `history` numbers).
  public var eventCount: Int
  /// What the session's writer said it ends with (the last tensor), for `sessions`.
  public var summary: String? = nil
}

/// A session's events at one version.
public struct SessionSnapshot: Equatable, Sendable {
  public var session: SessionInfo
  public var events: [StoredEvent]
}

/// What a change to a session's events did.
public enum ChangeResult: Equatable, Sendable {
  /// Committed; the session is now at this version.
  case committed(version: Int)
  /// Another process changed the session since `expectedVersion`: nothing was written.
  case stale
  /// `undo` with nothing to undo, `redo` with nothing to redo.
  case nothingToDo
}

/// A store that cannot be used, with the file and what to do. Rendered in one place: `message`.
public enum StoreError: Error, Equatable, Sendable {
  /// The file is not a SQLite database, or is damaged.
  case corrupt(path: String, detail: String)
  /// The file was written by a newer kshape (migrations this version does not know).
  case newerSchema(path: String, unknown: [String])
  /// The file or its folder cannot be written (read-only disk or permissions).
  case readOnly(path: String, detail: String)
  /// Another process held the store for longer than the timeout.
  case locked(path: String)
  /// The disk is full.
  case full(path: String)
  /// Any other SQLite failure.
  case failed(path: String, detail: String)
  case unknownSession(String, suggestion: String?)
  /// A session that was deleted (and can be restored).
  case deletedSession(String)
  /// `delete` of the session in use.
  case sessionInUse(String)
  case nameTaken(String)
  case invalidName(String, reason: String)
  case noSuchStatement(Int, count: Int)

  public var message: String {
    switch self {
    case .corrupt(let path, let detail):
      return "the session store \(path) is damaged or not a kshape store (\(detail)); "
        + "move it aside (it is left untouched) and kshape starts a new one"
    case .newerSchema(let path, let unknown):
      return "the session store \(path) was written by a newer kshape (schema "
        + unknown.sorted().joined(separator: ", ") + "); update kshape, or use --store PATH"
    case .readOnly(let path, let detail):
      return "the session store \(path) cannot be written (\(detail)); "
        + "check its permissions, or use --store PATH"
    case .locked(let path):
      return "the session store \(path) is locked by another process for too long; "
        + "try again, or use --store PATH"
    case .full(let path):
      return "the disk holding the session store \(path) is full; free some space"
    case .failed(let path, let detail):
      return "the session store \(path) failed: \(detail)"
    case .unknownSession(let name, let suggestion):
      return "no session named '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        + (suggestion == nil ? "; `sessions` lists them" : "")
    case .sessionInUse(let name):
      return "cannot delete session '\(name)': it is the open one; `open` or `new` another first"
    case .deletedSession(let name):
      return "session '\(name)' was deleted; `restore \(name)` brings it back"
    case .nameTaken(let name):
      return "a session named '\(name)' already exists; `open \(name)` opens it"
    case .invalidName(let name, let reason):
      return "'\(name)' cannot name a session: \(reason)"
    case .noSuchStatement(let n, let count):
      return count == 0
        ? "there is no statement \(n): the session has no statements"
        : "there is no statement \(n): the session has statements 1-\(count) (`history` lists them)"
    }
  }
}
