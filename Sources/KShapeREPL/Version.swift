/// kshape's version, for `kshape --version`.
public enum Version {
  public static let current = "0.9.0"
  /// The Keras release whose shapes, names and messages kshape follows (its golden data).
  public static let keras = "3.15.1"
  public static var text: String { "kshape \(current) (Keras \(keras) shape semantics)" }
}
