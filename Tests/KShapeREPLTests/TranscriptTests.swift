import Foundation
import KShapeREPL
import LineEditor
import Testing

/// REPL transcripts: `kshape> ` lines are typed, the rest is the exact expected screen text.
/// Re-record with `KSHAPE_RECORD=1 swift test --filter Transcript` and review the diff.
@Suite struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Transcripts")

  static let files: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".txt") }.sorted()

  /// A reader that plays typed lines and echoes them as a terminal would.
  final class EchoingReader: LineReader {
    var lines: [String]
    let echo: (String) -> Void
    init(_ lines: [String], echo: @escaping (String) -> Void) {
      self.lines = lines
      self.echo = echo
    }
    func readLine(prompt: String) -> LineResult {
      guard !lines.isEmpty else { return .endOfInput }
      let line = lines.removeFirst()
      echo(prompt + line)
      return .line(line)
    }
    func addHistory(_ line: String) {}
  }

  /// Plays typed lines; a transcript named `NAME-60cols.txt` is played on a 60-column terminal.
  static func play(_ inputs: [String], width: Int? = nil) -> String {
    var screen: [String] = []
    let repl = REPL(output: Output(out: { screen.append($0) }, err: { screen.append($0) }))
    repl.measureWidth = { width }
    repl.runInteractive(EchoingReader(inputs) { screen.append($0) })
    return screen.joined(separator: "\n") + "\n"
  }

  @Test func thereAreTranscripts() { #expect(Self.files.count >= 3) }

  @Test(arguments: files)
  func transcript(_ file: String) throws {
    let url = Self.folder.appendingPathComponent(file)
    let expected = try String(contentsOf: url, encoding: .utf8)
    // Typed lines follow the prompt or the continuation prompt of a block.
    let inputs = expected.split(separator: "\n", omittingEmptySubsequences: false).compactMap {
      line -> String? in
      for prompt in ["kshape> ", "    ... "] where line.hasPrefix(prompt) {
        return String(line.dropFirst(prompt.count))
      }
      return line == "    ..." ? "" : nil
    }
    let columns = file.split(separator: "-").last.flatMap { Int($0.dropLast("cols.txt".count)) }
    let actual = Self.play(inputs, width: file.hasSuffix("cols.txt") ? columns : nil)
    if ProcessInfo.processInfo.environment["KSHAPE_RECORD"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(actual == expected)
  }
}
