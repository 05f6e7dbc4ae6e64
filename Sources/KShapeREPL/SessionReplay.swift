import KerasJSON
import SessionStore
import ShapeEngine

/// A session rebuilt from its stored events: state = replay. An event that no longer evaluates
/// (after a drop or an edit before it) stays stored and is reported, not lost.
struct SessionReplay {
  var session: Session
  /// The 0-based positions of the events that fail now, with their errors.
  var failures: [Int: EngineError] = [:]

  /// Replays `events` in order; `each` sees every event's outcome (for a transcript).
  init(
    _ events: [StoredEvent], kerasStrict: Bool = false,
    each: ((Int, StoredEvent, Outcome) -> Void)? = nil
  ) {
    session = Session(kerasStrict: kerasStrict)
    for (i, event) in events.enumerated() {
      let before = session.statements.count
      let outcome = Self.apply(event, to: &session)
      each?(i, event, outcome)
      if session.statements.count == before {
        if case .failure(let error) = outcome {
          failures[i] = error
        } else {
          failures[i] = EngineError("this statement no longer changes the session")
        }
      }
    }
  }

  /// One stored event applied: a statement is submitted; an import is decoded from the config
  /// stored with it (the file is never read again).
  static func apply(_ event: StoredEvent, to session: inout Session) -> Outcome {
    switch event.kind {
    case .statement:
      return session.submit(event.source)
    case .importedModel:
      guard let config = event.config else {
        return .failure(EngineError("the stored import has no model config"))
      }
      let model: SavedModel
      do {
        model = try SavedModel.decode(try JSONParser.parse(config))
      } catch let error as ConfigError {
        return .failure(EngineError("stored model: \(error.path): \(error.message)"))
      } catch {
        return .failure(EngineError("stored model config: \(error)"))
      }
      return session.importModel(
        model, options: ImportOptions(assumeIdentity: Set(event.assumeIdentity)),
        source: event.source)
    }
  }
}
