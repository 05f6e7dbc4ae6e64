import Foundation
import Testing

/// `diagram` in a real terminal (tmux), as a person types it: lines within the width, box
/// drawing on a UTF-8 terminal, ASCII on one that is not.
@Suite(.serialized) struct DiagramTerminalTests {
  @Test(arguments: [(60, "C.UTF-8"), (140, "C.UTF-8"), (80, "C")])
  func diagramInARealTerminal(_ columns: Int, _ lang: String) throws {
    let binary = TerminalTests.binary
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "kshape is built")
    let t = TerminalTests.Tmux()
    try #require(
      t.start(
        "env LANG=\(lang) LC_ALL= LC_CTYPE= TERM=xterm \(binary.path) --color never",
        columns: columns, rows: 50),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    for line in [
      "x = Input((32, 32, 3), name='image')",
      "a = Conv2D(4, 1, name='a_very_long_branch_name_for_the_one_by_one_convolution')(x)",
      "b = Conv2D(4, 3, padding='same', name='three')(x)", "y = Concatenate(name='joined')([a, b])",
    ] {
      t.type(line)
      t.keys("Enter")
    }
    #expect(t.waitFor("joined (Concatenate)"))
    t.keys("C-l")
    t.type("diagram")
    t.keys("Enter")
    let node = lang == "C" ? "*" : "●"
    // The diagram's last layer, then its shape below it: the whole drawing is on screen.
    #expect(
      t.waitFor {
        guard let r = $0.range(of: node + "  joined (Concatenate)") else { return false }
        return $0[r.upperBound...].contains("(None, 32, 32, 8)")
      }, "\(t.screen())")
    let screen = t.screen()
    #expect(screen.contains(node + "  joined (Concatenate)"), "\(screen)")
    #expect(screen.contains(node + "  image (InputLayer)"))
    if lang == "C" {
      #expect(screen.allSatisfy { $0.isASCII }, "ASCII where the locale is not UTF-8")
    } else {
      #expect(screen.contains("├─┐"))
    }
    let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.allSatisfy { $0.count <= columns }, "\(screen)")
    // At 60 columns the long label is cut, and says so.
    let long = lines.first { $0.contains("a_very_long_branch") } ?? ""
    #expect(columns > 60 || long.hasSuffix(lang == "C" ? "~" : "…"), "\(long)")
    #expect(columns < 140 || long.hasSuffix("(Conv2D)"), "\(long)")
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }
}
