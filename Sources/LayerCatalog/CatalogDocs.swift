/// docs/layers.md, written from the catalog so that the two cannot drift apart.
extension Catalog {
  public static var markdown: String {
    var lines = [
      "# Layers", "",
      "Every Keras layer kshape knows, by family. Written from `Catalog.entries` (Sources/LayerCatalog);",
      "a test keeps this file in sync: re-record with `KSHAPE_RECORD=1 swift test --filter docsLayers`.",
      "`help NAME` in the REPL shows the same, with the full signature.",
    ]
    var families: [String] = []
    for e in entries where !families.contains(e.family) { families.append(e.family) }
    for family in families {
      lines += ["", "## \(family)", "", "| layer | arguments | shape rule |", "|---|---|---|"]
      for e in entries where e.family == family {
        let names = ([e.className] + e.aliases).map { "`\($0)`" }.joined(separator: ", ")
        let args = e.signature.parameters.map { p in
          p.defaultValue.map { "\(p.name)=\($0.pythonRepr)" } ?? p.name
        }
        let cell = args.joined(separator: ", ").replacingOccurrences("|", "\\|")
        lines.append("| \(names) | \(cell) | \(e.rule.replacingOccurrences("|", "\\|")) |")
      }
    }
    let refused = Catalog.opaque.sorted { $0.key < $1.key }.map { "- `\($0.key)`: \($0.value)" }
    lines +=
      [
        "", "## Not inferable without running code", "",
        "These are refused with an error that says why and what to do instead:", "",
      ] + refused
    return lines.joined(separator: "\n") + "\n"
  }
}
