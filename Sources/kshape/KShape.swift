import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor

/// The `kshape` command: the REPL on a terminal, a script runner otherwise.
@main
struct KShape: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kshape",
    abstract: "Keras shapes without Python: stack layers, apply sizes, see Keras's answer.",
    subcommands: [Start.self, Run.self, InspectModel.self], defaultSubcommand: Start.self)
}

struct Options: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object per statement (JSON Lines).")
  var json = false
}

/// `kshape [-c STATEMENTS] [--json]`: interactive on a terminal; reads stdin otherwise.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the REPL (the default), or run -c statements.")

  @Option(name: .customShort("c"), help: "Run these statements (separated by ';') and exit.")
  var command: String?

  @OptionGroup var options: Options

  func run() throws {
    let repl = REPL(output: .standard)
    if let command {
      throw ExitCode(
        repl.runScript(REPL.commandLineStatements(command), json: options.json, name: "<string>"))
    }
    if !options.json, let reader = LibEditReader(programName: "kshape") {
      reader.completion = { [repl] in repl.completions($0) }
      repl.runInteractive(reader)
      return
    }
    var lines: [String] = []
    while let line = readLine() { lines.append(line) }
    throw ExitCode(repl.runScript(lines, json: options.json))
  }
}

/// `kshape run FILE [--json]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a script of statements.")

  @Argument(help: "The script: one statement per line.")
  var file: String

  @OptionGroup var options: Options

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      FileHandle.standardError.write(Data("kshape: cannot read '\(file)'\n".utf8))
      throw ExitCode(2)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      FileHandle.standardError.write(Data("kshape: '\(file)' is not UTF-8 text\n".utf8))
      throw ExitCode(2)
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    throw ExitCode(REPL(output: .standard).runScript(lines, json: options.json, name: file))
  }
}

/// `kshape inspect MODEL [--size SIZE]... [--batch N] [--json] [--summary]`.
struct InspectModel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Evaluate a saved Keras model (.keras archive or JSON config) at the sizes given.",
    discussion: """
      Without --size, shows the declared shapes. Each --size (apply's syntax: 224x224, 100, \
      img=224x224 seq=100) evaluates every layer at that size, as Keras rebuilds the model for \
      it. Exit status: 0 when every size evaluates, 1 when one fails, 2 when the file cannot be \
      read or evaluated.
      """)

  @Argument(help: "The model: a .keras archive, model.to_json() output, or a get_config() dict.")
  var model: String

  @Option(name: .long, help: "A size to evaluate at (repeat for several).")
  var size: [String] = []

  @Option(name: .long, help: "The batch dim (default: as declared, usually None).")
  var batch: Int?

  @Flag(name: .long, help: "Print {\"model\": NAME, \"results\": [one apply object per size]}.")
  var json = false

  @Flag(name: .long, help: "One line per size instead of every layer.")
  var summary = false

  @Option(
    name: .customLong("assume-identity"),
    help: "Treat this custom class as shape-preserving (repeat for several).")
  var assumeIdentity: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "FROM-TO: evaluate every size s in the range (each unknown dim = s); show which evaluate "
        + "and which layer rejects the others."))
  var scan: String?

  func validate() throws {
    if let batch, batch <= 0 { throw ValidationError("--batch must be a positive int") }
  }

  func run() throws {
    let inspect = Inspect(
      path: model, sizes: size, batch: batch, json: json, summaryOnly: summary,
      assumeIdentity: assumeIdentity, scan: scan)
    throw ExitCode(inspect.run(.standard))
  }
}

extension Output {
  /// stdout and stderr, a line each.
  static var standard: Output {
    Output(
      out: { print($0) },
      err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
  }
}
