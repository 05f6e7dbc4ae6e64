import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor
import SessionStore

extension Colour.Mode: ExpressibleByArgument {}

struct Options: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object per statement (JSON Lines).")
  var json = false

  @Option(
    name: .long,
    help: "Colour: never, always, or auto (on a terminal, unless NO_COLOR or TERM=dumb).")
  var color: Colour.Mode = .auto

  @Flag(
    name: .customLong("keras-strict"),
    help: ArgumentHelp(
      "Refuse a layer whose weights need a dim that is not known yet, as Keras does (by "
        + "default kshape defers them: params as a formula until a size is applied)."))
  var kerasStrict = false

  /// A REPL writing to the standard streams, in colour where asked, fitting the terminal's width.
  func makeREPL(_ streams: StandardStreams) -> REPL {
    Self.makeREPL(streams, json: json, color: color, kerasStrict: kerasStrict)
  }

  /// `makeREPL` for these option values.
  static func makeREPL(
    _ streams: StandardStreams, json: Bool, color: Colour.Mode, kerasStrict: Bool
  ) -> REPL {
    let repl = REPL(output: streams.output(color: color), kerasStrict: kerasStrict)
    if !json {
      repl.measureWidth = { TerminalSize.columns(STDOUT_FILENO) }
    }
    return repl
  }
}

/// Which session of which store: see docs/architecture.md (SessionStore).
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The session store file (default: $KSHAPE_HOME/store.sqlite, else "
        + "$XDG_DATA_HOME/kshape/store.sqlite, else ~/.local/share/kshape/store.sqlite).",
      valueName: "PATH"))
  var store: String?

  @Option(name: [.customShort("s"), .long], help: "Open (or create) this session and replay it.")
  var session: String?

  @Flag(name: [.customShort("r"), .long], help: "Open the session used last.")
  var resume = false

  @Flag(name: .customLong("no-store"), help: "Keep the session in memory only.")
  var noStore = false

  /// The values parsed.
  var choice: StoreChoice {
    StoreChoice(store: store, session: session, resume: resume, noStore: noStore)
  }

  var named: Bool { choice.named }

  func open(_ repl: REPL, interactive: Bool) { choice.open(repl, interactive: interactive) }

  func validate() throws {
    if noStore && named { throw ValidationError("--no-store cannot open a stored session") }
    if session != nil && resume {
      throw ValidationError("use --session NAME or --resume, not both")
    }
    if let session {
      do {
        try SessionStore.checkName(session)
      } catch {
        throw ValidationError(error.message)
      }
    }
  }
}

/// `StoreOptions`' values: as parsed, or the defaults of a line without them.
struct StoreChoice {
  var store: String?
  var session: String?
  var resume = false
  var noStore = false

  var named: Bool { session != nil || resume }

  /// Opens the session on `repl` and says what was opened (stderr unless `interactive`).
  func open(_ repl: REPL, interactive: Bool) {
    guard !noStore else { return }
    let path = StoreLocation.path(
      option: store,
      environment: ProcessEnvironment.values(["KSHAPE_HOME", "XDG_DATA_HOME", "HOME"]))
    let lines = repl.openSession(SessionChoice(storePath: path, name: session, resume: resume))
    let problems = lines.filter { $0.hasPrefix("kshape: ") || $0.hasPrefix("statement ") }
    if interactive {
      repl.startupNotice = lines.joined(separator: "\n")
    } else if !problems.isEmpty {
      FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
    }
  }
}
