import ShapeEngine
import Testing

/// `keras.utils` as tutorials call it while they build a model: the picture and the seed let
/// the program go on (the picture with a note saying it was not drawn), data is refused.
@Suite struct KerasUtilsTests {
  func run(_ lines: [String]) -> (printed: String, failure: String?) {
    var s = Session()
    var printed = ""
    for line in lines {
      switch s.submit(line) {
      case .failure(let e): return (printed, e.message)
      case .executed(let x): printed += x.text + "\n"
      default: break
      }
    }
    return (printed, nil)
  }

  static let model = [
    "import keras", "m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])",
  ]

  @Test func plotModelSaysItDrewNothingAndTheProgramGoesOn() {
    let r = run(
      Self.model + [
        "keras.utils.set_random_seed(42)", "from keras.utils import plot_model",
        "plot_model(m, 'm.png', show_shapes=True)", "print(m.output_shape)",
      ])
    #expect(r.failure == nil)
    #expect(r.printed.contains("note: keras.utils.plot_model draws an image file"))
    #expect(r.printed.contains("(None, 3)"))
  }

  @Test func dataIsRefusedWithAHint() {
    let r = run(Self.model + ["keras.utils.to_categorical([1, 2], 3)"])
    #expect(r.failure?.hasPrefix("NotImplementedError: keras.utils.to_categorical()") == true)
  }

  @Test func anotherNameIsAnAttributeError() {
    let r = run(Self.model + ["keras.utils.no_such_helper(m)"])
    #expect(r.failure?.hasPrefix("AttributeError") == true)
  }
}
