import CMalloc
import Foundation
import StatementLanguage
import Testing

@testable import PythonRuntime

/// Runaway code ends with a clear error, never a hang or a crash.
@Suite struct LimitsTests {
  @Test func infiniteLoopHitsTheStepLimit() {
    let result = run("while True:\n    pass\n")
    #expect(result.error?.kind == "StepLimitError")
  }

  @Test func infiniteLoopAppendingHitsALimit() {
    let result = run("a = []\nwhile True:\n    a.append(1)\n") { $0.stepLimit = 1_000_000 }
    #expect(result.error?.kind == "StepLimitError" || result.error?.kind == "MemoryError")
  }

  @Test func aHugeRangeLoopIsStoppedWithoutMaterialisingIt() {
    let result = run("for i in range(10 ** 18):\n    pass\n") { $0.stepLimit = 1_000_000 }
    #expect(result.error?.kind == "StepLimitError")
  }

  @Test func deepRecursionIsARecursionErrorNotAStackOverflow() {
    let result = run("def f(n):\n    return f(n + 1) + 1\nf(0)\n")
    #expect(result.error?.kind == "RecursionError")
    #expect(result.error?.message == "maximum recursion depth exceeded")
    // Python's traceback lists every frame: the module's, then the 999 calls of f, and prints
    // the run of identical frames cut short.
    #expect(result.error?.traceback.count == 1000)
    #expect(result.error?.traceback.last?.function == "f")
    #expect(
      result.error?.rendered() == """
        Traceback (most recent call last):
          File "<test>", line 3, in <module>
            f(0)
            ^^^^
          File "<test>", line 2, in f
            return f(n + 1) + 1
                   ^^^^^^^^
          File "<test>", line 2, in f
            return f(n + 1) + 1
                   ^^^^^^^^
          File "<test>", line 2, in f
            return f(n + 1) + 1
                   ^^^^^^^^
          [Previous line repeated 996 more times]
        RecursionError: maximum recursion depth exceeded
        """)
  }

  @Test func mutualRecursionThroughArgumentsAndComprehensions() {
    let source = """
      def a(n):
          return [b(n + 1) for _ in range(1)]
      def b(n):
          return a(n + 1)
      a(0)
      """
    #expect(run(source).error?.kind == "RecursionError")
  }

  @Test func recursionThroughDeeplyNestedExpressionsIsMeasuredNotCrashed() {
    // Each of the 1000 levels nests 190 calls before recursing: more native stack than the
    // depth limit alone accounts for; the interpreter watches the stack itself.
    let nested =
      String(repeating: "g(", count: 190) + "f(n + 1)" + String(repeating: ")", count: 190)
    let result = run("def g(x):\n    return x\ndef f(n):\n    return \(nested)\nf(0)\n")
    #expect(result.error?.kind == "RecursionError")
  }

  @Test func onTheHostsOwnLargeThreadTheStackIsMeasuredToo() {
    // The executable runs everything on one thread marked large; the interpreter runs there
    // directly and must still stop deep nesting before the thread's stack ends.
    final class Outcome: @unchecked Sendable { var kind: String? }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let nested =
      String(repeating: "g(", count: 190) + "f(n + 1)" + String(repeating: ")", count: 190)
    let thread = Thread {
      Interpreter.markCurrentThreadLarge()
      outcome.kind =
        run("def g(x):\n    return x\ndef f(n):\n    return \(nested)\nf(0)\n").error?.kind
      done.signal()
    }
    thread.stackSize = Interpreter.stackSize
    thread.start()
    done.wait()
    #expect(outcome.kind == "RecursionError")
  }

  @Test func workInsideBuiltinsCountsToo() {
    for source in [
      "sum(range(10 ** 12))", "any(x < 0 for x in range(10 ** 12))", "all(range(1, 10 ** 12))",
      "sorted(list(range(5000000)) * 2)", "max(range(10 ** 12))",
    ] {
      let kind = run(source) { $0.stepLimit = 1_000_000 }.error?.kind
      #expect(kind == "StepLimitError" || kind == "MemoryError", "\(source)")
    }
  }

  @Test func aStepLimitCanBeLowered() {
    let result = run("x = 0\nfor i in range(1000):\n    x += i\n") { $0.stepLimit = 100 }
    #expect(result.error?.kind == "StepLimitError")
  }

  @Test func hugeRepetitionIsAMemoryError() {
    #expect(run("x = [0] * 10 ** 12").error?.kind == "MemoryError")
    #expect(run("x = 'ab' * 10 ** 12").error?.kind == "MemoryError")
    #expect(run("x = list(range(10 ** 12))").error?.kind == "MemoryError")
  }

  /// Each result within the size limit, but kept by the dozen (issue 12: such programs reached
  /// 2.4 GB): the heap limit stops them, naming it. The limit is lowered here so the test stays
  /// small; the default is 768 MiB.
  @Test func manyLargeCopiesKeptAreAMemoryErrorNamingTheLimit() {
    for source in [
      "rows = [[0] * 1_000_000] * 40\ncopies = [r * 1 for r in rows]",
      "rows = [[0] * 1_000_000] * 40\ncopies = [r[:] for r in rows]",
      "rows = [[0] * 1_000_000] * 40\ncopies = []\nfor r in rows:\n    copies.append(r + r)",
      "copies = [[i for i in range(300_000)] for _ in range(40)]",
    ] {
      let result = run(source) {
        $0.memoryLimit = (MemoryUseProbe.heapMiB() + 96) << 20
        $0.stepLimit = 100_000_000
      }
      #expect(result.error?.kind == "MemoryError", "\(source)")
      #expect(result.error?.message.contains("MiB") == true, "\(source)")
    }
    // Sharing rows costs nothing: the same program without copies runs.
    #expect(run("rows = [[0] * 1_000_000] * 40\nn = sum(len(r) for r in rows)").error == nil)
  }

  /// Lists freed and larger ones made leave holes no later list fits: the heap maps, and holds
  /// resident, more than it has in use (1,034 MiB resident with 768 MiB in use, past the 1 GiB
  /// issue 12 allows). Which bound a request passes, on numbers (the process's own heap is
  /// shared by the tests running beside this one, so a program cannot be made to fragment it
  /// reliably here; the real case is in docs/fuzzing.md).
  @Test func fragmentedHeapPassesTheResidentBound() {
    let mib = 1 << 20
    var asked = 0
    func bound(
      used: Int, more: Int = 0, mapped: Int, grown: Int = 0, room: Int? = nil,
      resident: Int = 0
    ) -> String? {
      MemoryUse.boundPassed(
        used: used * mib, more: more * mib, mapped: mapped * mib, grown: grown * mib,
        memoryLimit: 768 * mib, room: room.map { $0 * mib }, residentLimit: 960 * mib,
        resident: {
          asked += 1
          return resident * mib
        })
    }
    // Bytes in use first, whatever else.
    #expect(bound(used: 700, more: 100, mapped: 700) == "its limit of 768 MiB")
    // A heap that maps no more than its bound: the resident size is not asked.
    #expect(bound(used: 600, mapped: 700, grown: 60) == nil)
    #expect(asked == 0)
    // Fragmented: mapped past the bound, resident past 960 MiB with the growth.
    #expect(
      bound(used: 652, mapped: 1_000, grown: 72, resident: 900)
        == "960 MiB resident (holes between freed blocks count)")
    #expect(bound(used: 652, mapped: 1_000, grown: 0, resident: 900) == nil)
    #expect(asked == 2)
    // Under a limit on address space the mapped size counts, against the room.
    #expect(
      bound(used: 40, mapped: 100, grown: 30, room: 120)
        == "the 120 MiB a limit on memory (ulimit) leaves it")
    #expect(bound(used: 40, mapped: 100, grown: 10, room: 120) == nil)
    #expect(asked == 2)
  }

  @Test func intOverflowRaisesInsteadOfTrapping() {
    for source in [
      "2 ** 64", "9223372036854775807 + 1", "-9223372036854775808 - 1", "(2 ** 62) * 4",
      "-(-9223372036854775808)", "abs(-9223372036854775808)", "(-9223372036854775808) // -1",
      "1 << 64", "int(1e30)", "round(1e300)",
    ] {
      #expect(run(source).error?.kind == "OverflowError", "\(source)")
    }
    #expect(outcome("print((-9223372036854775808) % -1)") == "0\n")
    // Ranges at the ends of the 64-bit ints (Python's answers).
    #expect(outcome("print(len(range(0, -10, -9223372036854775807 - 1)))") == "1\n")
    #expect(outcome("print((-9223372036854775807 - 1) in range(0, -5, -1))") == "False\n")
    #expect(
      outcome("print(9223372036854775806 in range(-9223372036854775807 - 1, 9223372036854775807))")
        == "True\n")
    #expect(run("round(9223372036854775807, -1)").error?.kind == "OverflowError")
    #expect(
      run("range(-9223372036854775807 - 1, 9223372036854775807).index(9223372036854775806)").error?
        .kind == "OverflowError")
    #expect(
      outcome("print(round(9223372036854775807, -18), 'x'.replace('x', 'y', 9223372036854775807))")
        == "9000000000000000000 y\n")
  }

  @Test func deeplyNestedDataIsShownWithoutOverflowing() {
    let result = run(
      "a = []\nt = ()\nfor i in range(100000):\n    a = [a]\n    t = (t,)\n"
        + "b = repr(a) + repr(t)\nprint(len(b) > 0, a == a, [a] == [a])")
    #expect(result.output == "True True True\n")
  }

  @Test func escapesCutShortAtTheEndOfAStringDoNotTrap() {
    // Python refuses these as a SyntaxError ("truncated \\xXX escape"); kshape keeps the text.
    for source in [#"x = '\x4'"#, #"x = '\u12'"#, #"x = '\U1234'"#, #"x = f'\x'"#, #"x = '\N'"#] {
      _ = run(source)
    }
  }

  @Test func deeplyNestedSourceIsASyntaxErrorNotACrash() {
    for source in [
      String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
      String(repeating: "-", count: 100_000) + "1",
      String(repeating: "not ", count: 10_000) + "x",
      String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
      "x = " + String(repeating: "a.", count: 10_000) + "b",
      "x = " + String(repeating: "f(", count: 1_000) + String(repeating: ")", count: 1_000),
      "x = " + String(repeating: "1 if x else ", count: 1_000) + "1",
      String(repeating: "2 ** ", count: 10_000) + "2",
      String(repeating: "lambda: ", count: 1_000) + "1",
    ] {
      let result = run(source)
      #expect(result.error != nil || result.output.isEmpty, "\(source.prefix(20))")
    }
    var nested = ""
    for level in 0..<150 {
      nested += String(repeating: " ", count: level) + "if True:\n"
    }
    #expect(
      run(nested + String(repeating: " ", count: 150) + "pass\n").error?.kind == "IndentationError")
  }
}

@Suite struct InterruptTests {
  @Test func theHostCanInterruptALoop() {
    let result = run("while True:\n    pass\n") { interpreter in
      var asked = 0
      interpreter.isInterrupted = {
        asked += 1
        return asked > 3
      }
    }
    #expect(result.error?.kind == "KeyboardInterrupt")
  }

  @Test func syntaxErrorsNumberLinesFromTheSourcesFirstLine() {
    let source = SourceText(name: "<stdin>", text: "if x:\ny = 1\n", firstLine: 10)
    do {
      _ = try Interpreter.parse(source)
      Issue.record("parsed")
    } catch {
      #expect(error.message == "expected an indented block after 'if' statement on line 10")
      #expect(error.range.map { source.line(of: $0.start) } == 11)
    }
  }
}

/// The test process's heap now, in MiB (what a test's memory limit is set above).
enum MemoryUseProbe {
  static func heapMiB() -> Int {
    var mapped = 0
    var grown = 0
    return max(0, kshape_heap_usage(0, &mapped, &grown)) >> 20
  }
}
