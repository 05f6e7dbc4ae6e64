/// Runs parsed Python programs: the interpreter of kshape's Python subset.
///
/// (The interface is settled in PyValue.swift and PyError.swift; the interpreter itself is being
/// written on the `python` branch.)
public final class Interpreter {
  public init() {}
}
