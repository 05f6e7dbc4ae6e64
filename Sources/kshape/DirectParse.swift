import ArgumentParser
import Foundation
import KShapeREPL

/// The command line parsed for the one command it names.
///
/// swift-argument-parser's `parseAsRoot` on `KShape` reflects every command of the tree (their
/// names, their options, the default command's passthrough check, the completion-script check)
/// before it looks at the arguments: about a millisecond of conformance-table searches at every
/// start. A command line that names `inspect` or `run`, or none (the REPL, `-c`, a script), is
/// first parsed by that command alone. Whatever it does not take as it is (help, `--version`,
/// completion scripts, `help`, any error) goes to the full parse, so every message, help text
/// and exit status stays the library's own.
///
/// The commands name `kshape` as their `_superCommandName`: read by the library only for the
/// root of a parse (help, usage, completion scripts name the root), so never in the full
/// parse, where `KShape` is the root; parsed alone, it spares the completion-script check
/// (two more commands reflected), which cannot match a line that reaches it.
extension KShape {
  static func runCommandLine() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // A plain line has no option but `--json`: every other option keeps its default.
    func defaultREPL(_ streams: StandardStreams, json: Bool) -> REPL {
      Options.makeREPL(streams, json: json, color: .auto, kerasStrict: false)
    }
    switch PlainCommandLine.read(arguments) {
    case .inspect(let line):
      var inspect = Inspect(
        path: line.model, sizes: line.sizes, json: line.json, summaryOnly: line.summary)
      inspect.rules = line.rules
      inspect.receptiveField = line.receptiveField
      inspect.cost = line.cost
      InspectModel.run(inspect)
    case .run(let line):
      Run.runFile(line.file, json: line.json) { defaultREPL($0, json: line.json) }
    case .bare:
      let streams = StandardStreams()
      Start.session(
        defaultREPL(streams, json: false), streams: streams, script: nil, json: false,
        store: StoreChoice())
    case .text(let line):
      let streams = StandardStreams()
      Start.runText(
        line.text, json: line.json, streams: streams, repl: defaultREPL(streams, json: line.json))
    case nil: break
    }
    guard var command = directCommand(arguments) else { return main(nil) }
    // As the library's `main` runs what it parsed (the commands end the process themselves).
    do {
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  /// The command `arguments` name, parsed by it alone; nil when the full parse must decide.
  static func directCommand(_ arguments: [String]) -> ParsableCommand? {
    // The library's own flags (help, version, completion, dump) are its to answer.
    guard !arguments.contains(where: isBuiltIn) else { return nil }
    let rest = Array(arguments.dropFirst())
    do {
      switch arguments.first {
      case "inspect": return try InspectModel.parseAsRoot(rest)
      case "run": return try Run.parseAsRoot(rest)
      case "repl": return try Start.parseAsRoot(rest)
      case "help": return nil
      default:
        // The default command takes the whole line, as the full parse gives it.
        return try Start.parseAsRoot(arguments)
      }
    } catch {
      return nil
    }
  }

  private static func isBuiltIn(_ argument: String) -> Bool {
    argument == "--help" || argument == "-h" || argument == "-help" || argument == "--version"
      || argument.hasPrefix("--generate-completion-script")
      || argument == "--experimental-dump-help"
  }
}
