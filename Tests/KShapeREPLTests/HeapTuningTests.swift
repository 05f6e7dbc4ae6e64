import Foundation
import Testing

/// The heap kshape sets up at start-up (`kshape_tune_heap`, Sources/CMalloc): its first 64 MiB
/// are advised for transparent huge pages, which took 10-25% off long scripts and imports.
@Suite struct HeapTuningTests {
  /// The kernel's THP mode ("always", "madvise" or "never"); nil where the kernel has none.
  static var hugePageMode: String? {
    guard
      let text = try? String(
        contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
      let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]")
    else { return nil }
    return String(text[text.index(after: open)..<close])
  }

  @Test func theHeapIsAdvisedForHugePages() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: CommandLineHabitsTests.kshape), "kshape is built"
    )
    guard let mode = Self.hugePageMode, mode != "never" else { return }
    // kshape waits on its standard input (a pipe that stays open) while its heap's mappings are
    // read: the flags of every [heap] mapping, polled until the process has started.
    let probe = """
      (sleep 20) | \(CommandLineHabitsTests.kshape) --no-store >/dev/null 2>&1 &
      pid=$!
      for i in $(seq 1 100); do
        flags=$(awk '/\\[heap\\]/ { h = 1; next } /^[0-9a-f]+-/ { h = 0 } h && /^VmFlags/' \
          /proc/$pid/smaps 2>/dev/null)
        case "$flags" in *hg*) break ;; esac
        sleep 0.1
      done
      echo "$flags"
      kill $pid
      """
    let result = CommandLineHabitsTests.shell(probe)
    #expect(result.output.contains("VmFlags"), "no [heap] mapping read: \(result.output)")
    #expect(result.output.contains(" hg"), "no heap mapping is advised: \(result.output)")
  }
}
