import Foundation
import Synchronization

/// What the top-level statement running on this thread changed, so that a failed statement can
/// be undone at the cost of its changes instead of by replaying the session: the globals it
/// wrote (each with the value it had), and how many in-place changes it made to objects older
/// than itself (a list appended to, a dict entry set, a model's layers). Globals are undone by
/// the host; an older object changed in place leaves only the replay.
///
/// Objects that can change in place (lists, dicts, sets, modules, closure scopes, the host's
/// models) carry the generation of the journal that was running when they were made; a change
/// to an object of another generation is counted. Objects made with no journal running are
/// generation 0: older than every statement.
public final class StatementJournal {
  /// Unique among all journals of the process (objects outlive the journal they were made in).
  public private(set) var generation: Int
  /// The globals written, each with its value before the first write (nil: it was unbound).
  public private(set) var globals: [(name: String, previous: PyValue?)] = []
  private var written: Set<String> = []
  /// In-place changes to objects made before the statement.
  public private(set) var olderObjectsChanged = 0

  init() { generation = Self.nextGeneration() }

  /// The journal of a new statement, in this object (the interpreter keeps one, read until the
  /// next statement starts): a new generation, nothing written, its room kept.
  func restart() {
    generation = Self.nextGeneration()
    // Element by element: a statement writes a global or two, and `removeAll(keepingCapacity:)`
    // costs a generic range replacement whatever the count.
    while !globals.isEmpty { globals.removeLast() }
    if !written.isEmpty { written.removeAll(keepingCapacity: true) }
    olderObjectsChanged = 0
  }

  private static func nextGeneration() -> Int {
    lastGeneration.wrappingAdd(1, ordering: .relaxed).newValue
  }

  /// Records a write of global `name` (its value before: `previous`), first writes only.
  func noteGlobal(_ name: String, previous: @autoclosure () -> PyValue?) {
    // A statement writes a global or two: their names are compared, not hashed, until there
    // are more (then `written` holds them all).
    if globals.count < Self.namesCompared {
      if globals.contains(where: { $0.name == name }) { return }
    } else {
      if written.isEmpty { written = Set(globals.map(\.name)) }
      guard written.insert(name).inserted else { return }
    }
    globals.append((name, previous()))
  }

  /// How many globals' names `noteGlobal` compares before it hashes them.
  static let namesCompared = 8

  // MARK: - The journal of this thread

  /// The last generation given (an atomic counter: journals run on any thread).
  private static let lastGeneration = Atomic<Int>(0)
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// The journal of the statement running on this thread, if any.
  static var current: StatementJournal? {
    guard let p = pthread_getspecific(key) else { return nil }
    return Unmanaged<StatementJournal>.fromOpaque(p).takeUnretainedValue()
  }

  /// Runs `body` with `journal` as this thread's (the caller keeps it alive).
  static func running<T>(_ journal: StatementJournal, _ body: () throws(PyError) -> T)
    throws(PyError) -> T
  {
    let outer = pthread_getspecific(key)
    pthread_setspecific(key, Unmanaged.passUnretained(journal).toOpaque())
    defer { pthread_setspecific(key, outer) }
    return try body()
  }

  /// The generation an object made now carries.
  public static var currentGeneration: Int { current?.generation ?? 0 }

  /// Counts an in-place change to something the running statement did not make (a layer of
  /// the host's graph made by an earlier statement).
  public static func noteChangeToOlderObject() { current?.olderObjectsChanged += 1 }

  /// Counts an in-place change to an object of `generation`, unless the running statement made
  /// it (then the change goes with the object).
  public static func noteChange(toObjectOf generation: Int) {
    guard let journal = current, journal.generation != generation else { return }
    journal.olderObjectsChanged += 1
  }
}
