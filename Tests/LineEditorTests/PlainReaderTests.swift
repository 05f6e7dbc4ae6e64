import Foundation
import LineEditor
import Testing

/// `PlainReader`: lines as they arrive, within a per-line and a total limit, UTF-8 checked.
@Suite struct PlainReaderTests {
  /// A reader over a temporary file holding `bytes`.
  func reader(_ bytes: [UInt8], maxLine: Int = 1 << 20, maxTotal: Int = 16 << 20) throws
    -> PlainReader
  {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-plain-\(UUID().uuidString)").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try PlainReader.open(path: path, maxLineBytes: maxLine, maxTotalBytes: maxTotal)
  }

  func lines(_ r: PlainReader) -> [String] {
    var out: [String] = []
    while case .line(let l) = r.readLine(prompt: "") { out.append(l) }
    return out
  }

  @Test func linesWithAndWithoutAFinalNewline() throws {
    let r = try reader(Array("a\r\nb\n\nc".utf8))
    #expect(lines(r) == ["a", "b", "", "c"])
    #expect(r.inputFailure == nil)
    #expect(r.readLine(prompt: "") == .endOfInput)
  }

  @Test func aLineLongerThanTheLimitEndsTheInput() throws {
    let long = [UInt8](repeating: 0x78, count: 300_000)
    let r = try reader(Array("ok\n".utf8) + long + [0x0A], maxLine: 100_000)
    #expect(lines(r) == ["ok"])
    let failure = r.inputFailure ?? ""
    #expect(failure.hasSuffix("line 2 is longer than 100000 bytes, the limit for one line"))
  }

  @Test func inputPastTheTotalLimitEndsIt() throws {
    let many = Array(String(repeating: "Dense(8)\n", count: 50_000).utf8)
    let r = try reader(many, maxTotal: 1 << 16)
    let read = lines(r)
    #expect(read.count > 1000 && read.count < 50_000)
    #expect(r.inputFailure?.contains("the input is longer than 64 KiB") == true)
  }

  @Test func bytesThatAreNotUTF8AreNamedWithTheirColumn() throws {
    let r = try reader(Array("é ok\nab\u{e9}".utf8) + [0xC3, 0x28, 0x0A])
    #expect(lines(r) == ["é ok"])
    #expect(r.inputFailure?.hasSuffix("line 2 is not UTF-8 text (byte C3 at column 5)") == true)
  }

  /// A byte past 0x7F anywhere in a line (in the eight-byte words or the tail the ASCII check
  /// reads) sends the line to the UTF-8 check: "é" is kept, a lone 0xE9 is refused.
  @Test func aNonASCIIByteAtAnyColumnIsDecodedOrRefused() throws {
    for column in 0..<19 {
      var line = Array("abcdefghijklmnopqr".utf8)
      line.insert(contentsOf: Array("\u{E9}".utf8), at: column)
      let r = try reader(line + Array("\r\nok\n".utf8))
      #expect(lines(r) == [String(decoding: line, as: UTF8.self), "ok"])
      var bad = Array("abcdefghijklmnopqr".utf8)
      bad.insert(0xE9, at: column)
      let b = try reader(bad + [0x0A])
      #expect(lines(b) == [])
      #expect(b.inputFailure?.hasSuffix("(byte E9 at column \(column + 1))") == true)
    }
  }

  @Test func aLineSplitAcrossReadsIsWhole() throws {
    // Lines longer than the 64 KiB read chunk, and a CRLF across a chunk boundary.
    let a = String(repeating: "a", count: 70_000)
    let b = String(repeating: "b", count: 65_535)
    let r = try reader(Array((a + "\n" + b + "\r\nc\n").utf8))
    #expect(lines(r) == [a, b, "c"])
  }

  @Test func missingFilesAndDirectoriesAreRefusedWithTheReason() {
    #expect(throws: InputError.self) { try PlainReader.open(path: "/nonexistent/script") }
    do {
      _ = try PlainReader.open(path: "/")
      Issue.record("a directory opened")
    } catch {
      #expect(error.message.contains("it is a directory"))
    }
  }
}
