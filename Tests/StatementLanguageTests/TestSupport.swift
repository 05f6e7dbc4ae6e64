import StatementLanguage
import Testing

/// The markers a test writes inside its input: 1️⃣ where the diagnostic starts, 2️⃣ where it ends.
let markerNames: Set<Character> = ["1️⃣", "2️⃣"]

/// `marked` without its markers, and the `Character` offset of each marker in that text.
func extractMarkers(_ marked: String) -> (text: String, markers: [Character: Int]) {
  var text = ""
  var markers: [Character: Int] = [:]
  var count = 0
  for char in marked {
    if markerNames.contains(char) {
      markers[char] = count
    } else {
      text.append(char)
      count += 1
    }
  }
  return (text, markers)
}
