import Foundation
import Testing

@testable import KShapeREPL

/// `GraphvizRunner.run`, which runs `dot` without a thread (Foundation's `Process` watches its
/// child from one, which a release build's reference counting without atomics does not allow).
@Suite struct ChildProcessTests {
  @Test func inputInStatusAndErrorsOut() throws {
    let ran = try #require(
      GraphvizRunner.run("/bin/sh", ["-c", "wc -c >&2; exit 3"], input: Array("hello".utf8)))
    #expect(ran.status == 3)
    #expect(
      String(decoding: ran.errors, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "5\n")
  }

  /// A child that ends before reading what it is given (8 MB, more than a socket holds): the
  /// write stops (EPIPE, not a SIGPIPE that would end the test process).
  @Test func aChildThatReadsNothingEndsTheWrite() throws {
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: 8 << 20)
    let ran = try #require(GraphvizRunner.run("/bin/sh", ["-c", "echo early >&2"], input: big))
    #expect(ran.status == 0)
    #expect(String(decoding: ran.errors, as: UTF8.self) == "early\n")
  }

  @Test func aSignalIsNegative() throws {
    let ran = try #require(GraphvizRunner.run("/bin/sh", ["-c", "kill -9 $$"], input: []))
    #expect(ran.status == -9)
  }

  @Test func aMissingExecutableIsNil() {
    #expect(GraphvizRunner.run("/nonexistent/dot", [], input: []) == nil)
  }
}
