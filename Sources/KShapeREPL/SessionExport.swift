import Foundation
import ShapeEngine

/// `export script` and `export markdown`: the session as a script `kshape run` rebuilds, and as
/// a transcript (each statement with its output) for a handout.
enum SessionExport {
  /// The live statements, one per line; statements that fail now are left out, with a comment.
  static func script(_ link: SessionLink) -> String {
    var lines = [
      "# kshape session '\(link.info.name)': `kshape run FILE` rebuilds it"
    ]
    for (i, event) in link.events.enumerated() {
      if let error = link.failures[i] {
        lines.append("# statement \(i + 1) fails (\(error.message)), left out: \(event.source)")
      } else {
        lines.append(event.source)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each statement with what kshape shows for it, then the summary table.
  static func markdown(_ link: SessionLink) -> String {
    var parts = ["# kshape session `\(link.info.name)`", ""]
    let replay = SessionReplay(link.events) { _, event, outcome in
      var block = [
        "```", "kshape> " + event.source.replacingOccurrences(of: "\n", with: "\n...     "),
      ]
      if let text = Render.outcome(outcome, source: event.source) { block.append(text) }
      block.append("```")
      parts.append(block.joined(separator: "\n"))
      parts.append("")
    }
    parts.append("## Summary")
    parts.append("")
    parts.append("```")
    parts.append(
      Render.outcome(
        .summary(replay.session.graph, title: "Model: \"\(link.info.name)\""), source: "summary")
        ?? "")
    parts.append("```")
    return parts.joined(separator: "\n") + "\n"
  }
}
