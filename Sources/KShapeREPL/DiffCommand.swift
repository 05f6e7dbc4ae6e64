import Foundation
import LayerCatalog
import SessionStore
import ShapeEngine

/// The sides of `diff` the REPL reads: `diff session A B` (two stored sessions, each replayed
/// from its events) and a model against a file (`diff model other.keras`, `diff a.keras
/// b.json`). Two models of this session are the engine's (`diff encoder decoder`).
extension REPL {
  /// The diff for `argument`, or nil when both sides are models of this session.
  func diffOutcome(_ argument: String) -> Outcome? {
    let words = argument.split(separator: " ").map(String.init)
    do throws(EngineError) {
      if words.first == "session" {
        guard words.count == 3 else {
          throw EngineError("diff session needs two session names", hint: "diff session A B")
        }
        let a = try storedSession(words[1])
        let b = try storedSession(words[2])
        return .report(ModelDiff.compare(a.diffGraph, words[1], b.diffGraph, words[2]))
      }
      guard words.count == 2, words.contains(where: isFile) else { return nil }
      let graphs = try words.map { (w) throws(EngineError) -> Graph in
        if session.isModel(w) || !isFile(w) { return try modelGraph(w) }
        var s = Session()
        let model = try ModelLoading.load(HomePath.expand(w))
        if case .failure(let e) = s.importModel(model, source: "import \(w)") { throw e }
        return s.diffGraph
      }
      return .report(ModelDiff.compare(graphs[0], words[0], graphs[1], words[1]))
    } catch {
      return .failure(error)
    }
  }

  private func isFile(_ word: String) -> Bool {
    !session.isModel(word) && FileManager.default.fileExists(atPath: HomePath.expand(word))
  }

  /// A model of this session by name.
  private func modelGraph(_ name: String) throws(EngineError) -> Graph {
    guard let g = session.modelView(name) else {
      throw EngineError(
        "'\(name)' is neither a model of this session nor a file", hint: "diff MODEL FILE")
    }
    return g
  }

  /// A stored session replayed from its events.
  private func storedSession(_ name: String) throws(EngineError) -> Session {
    guard let store = link?.store else {
      throw EngineError(
        "there is no session store in this run (--no-store)",
        hint: "run kshape with a store to compare stored sessions")
    }
    let info: SessionInfo?
    let names: [String]
    let snapshot: SessionSnapshot?
    do {
      info = try store.session(named: name)
      names = try store.sessions().map(\.name)
      snapshot = try info.flatMap { (i) throws(StoreError) in try store.snapshot(i.id) }
    } catch {
      throw EngineError(error.message)
    }
    guard let snapshot else {
      throw EngineError(
        "no session named '\(name)'",
        hint: nearest(name, in: names).map { "did you mean '\($0)'?" } ?? "`sessions` lists them")
    }
    return SessionReplay(snapshot.events).session
  }
}
