import Foundation
import ShapeEngine
import Testing

/// `keras.datasets.X.load_data()` gives the arrays Keras's own docstrings state
/// (Golden/datasets.json, read from the installed Keras by tools/golden/datasets.py), and a
/// tutorial's data preparation runs on them.
@Suite struct DatasetsTests {
  struct Golden: Decodable {
    struct Array: Decodable {
      var shape: [Int]
      var dtype: String
    }
    var loaders: [String: [String: Array]]
  }

  static let golden: Golden? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/datasets.json")
    return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Golden.self, from: $0) }
  }()

  /// What `source` printed, or its failure.
  static func run(_ source: String) -> String {
    var session = Session()
    var printed = ""
    session.submitProgram(source, name: "t.py") { _, outcome in
      switch outcome {
      case .executed(let x) where !x.text.isEmpty: printed += x.text + "\n"
      case .failure(let e): printed += "FAILED " + e.message + "\n"
      default: break
      }
      return true
    }
    return printed
  }

  @Test func loadDataGivesTheArraysKerasStates() throws {
    let golden = try #require(Self.golden)
    #expect(golden.loaders.count == 4)
    for (name, arrays) in golden.loaders.sorted(by: { $0.key < $1.key }) {
      let printed = Self.run(
        """
        import keras
        (x_train, y_train), (x_test, y_test) = keras.datasets.\(name).load_data()
        for a in [x_train, y_train, x_test, y_test]:
            print(a.shape, a.dtype)
        """)
      let expected = ["x_train", "y_train", "x_test", "y_test"].map { key -> String in
        let a = arrays[key]
        let dims = (a?.shape ?? []).map(String.init).joined(separator: ", ")
        let shape = a?.shape.count == 1 ? "(\(dims),)" : "(\(dims))"
        return "\(shape) \(a?.dtype ?? "?")"
      }
      #expect(printed == expected.joined(separator: "\n") + "\n", "\(name)")
    }
  }

  /// The loaders whose arrays are not fixed (lists of varying length, sizes that follow
  /// `test_split`) are still refused, naming what they need.
  @Test func otherLoadersAreRefused() {
    for name in ["imdb", "reuters", "boston_housing", "california_housing"] {
      let printed = Self.run("import keras\nkeras.datasets.\(name).load_data()\n")
      #expect(printed.contains("NotImplementedError"), "\(name): \(printed)")
      #expect(printed.contains("keras.datasets.\(name).load_data() downloads data"), "\(name)")
    }
  }

  @Test func toCategoricalNeedsTheNumberOfClasses() {
    let printed = Self.run(
      "import keras\n(x, y), _ = keras.datasets.mnist.load_data()\nkeras.utils.to_categorical(y)\n")
    #expect(printed.contains("without num_classes"), "\(printed)")
  }
}
