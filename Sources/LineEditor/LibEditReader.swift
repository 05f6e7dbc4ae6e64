import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An interactive line editor over libedit: emacs bindings, in-session history (up-arrow,
/// Ctrl-R), UTF-8 input, Ctrl-C to cancel a line, Ctrl-D to quit and Tab completion.
///
/// Creating one changes process-wide state until it is released: the LC_CTYPE locale (forced
/// to UTF-8 when the environment's is not) and the SIGINT handler (one that only notes the
/// signal, so that Ctrl-C cancels the line being read instead of killing the process, and is
/// ignored between reads; the old handler comes back on deinit).
/// Use one reader at a time, from one thread.
public final class LibEditReader: LineReader {
  /// Bytes already waiting on standard input: a paste's further lines.
  public var hasPendingInput: Bool {
    var count: Int32 = 0
    return ioctl(0, UInt(FIONREAD), &count) == 0 && count > 0
  }

  /// Wraps the parts of a prompt that take no width, such as ANSI colour sequences:
  /// `"\u{1}\u{1B}[32m\u{1}kshape>\u{1}\u{1B}[0m\u{1} "`.
  public static let promptIgnoreMarker: Character = "\u{1}"

  /// Called on Tab with the line's text up to the cursor; returns the full words that could
  /// replace the word being typed there.
  ///
  /// The typed word is the longest end of the text that begins (ignoring case) every
  /// candidate. One candidate: the word becomes that candidate. Several: the word grows to
  /// their longest common prefix, or, when there is nothing more to add, the candidates are
  /// listed below the line in the order given. No candidates: the terminal beeps.
  public var completion: ((_ textBeforeCursor: String) -> [String])?

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var promptBuffer: UnsafeMutablePointer<CChar>?
  private var previousSIGINT = sigaction()
  /// Set by our SIGINT handler; nil if it could not be installed (Ctrl-C then kills as usual).
  private var interruptFlag: UnsafeMutablePointer<sig_atomic_t>?

  /// Creates an editor on the process's terminal, or returns nil when stdin or stdout is
  /// not a terminal (use `PlainReader` then).
  ///
  /// - Parameters:
  ///   - programName: Selects the `programName:`-prefixed lines of `~/.editrc`.
  ///   - historySize: How many lines the in-session history keeps.
  public init?(programName: String, historySize: Int = 1000) {
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return nil }
    TerminalLocale.useUTF8CharacterType()
    guard let editLine = el_init(programName, kshape_stdin(), kshape_stdout(), kshape_stderr())
    else { return nil }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history

    kshape_history_setsize(history, Int32(clamping: max(1, historySize)))
    kshape_history_setunique(history, 1)
    kshape_el_set_hist(editLine, history)
    kshape_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    kshape_el_set_editor(editLine, "emacs")
    // libedit's own handlers restore the terminal on signals and redraw after a resize.
    kshape_el_set_signal(editLine, 1)
    kshape_el_set_prompt(editLine, libEditPrompt, CChar(Self.promptIgnoreMarker.asciiValue ?? 1))
    kshape_el_addfn(
      editLine, "kshape-complete", "Complete the word before the cursor", libEditComplete)
    kshape_el_bind(editLine, "^I", "kshape-complete")
    // Ctrl-Left / Ctrl-Right as sent by xterm-like terminals (and tmux).
    kshape_el_bind(editLine, "\\e[1;5D", "ed-prev-word")
    kshape_el_bind(editLine, "\\e[1;5C", "em-next-word")
    // The user's ~/.editrc comes last so that it can override the bindings above.
    el_source(editLine, nil)
    interruptFlag = kshape_install_sigint_flag(&previousSIGINT)
  }

  deinit {
    if interruptFlag != nil {
      kshape_restore_sigint(&previousSIGINT)
    }
    el_end(editLine)
    history_end(history)
    promptBuffer?.deallocate()
  }

  /// Shows `prompt` and edits one line until Enter (`.line`), Ctrl-C (`.interrupted`, after
  /// echoing `^C`) or Ctrl-D on an empty line (`.endOfInput`).
  public func readLine(prompt: String) -> LineResult {
    setPrompt(prompt)
    var count: Int32 = 0
    if let interruptFlag {
      kshape_flag_clear(interruptFlag)
    }
    let raw = el_gets(editLine, &count)
    guard let raw, count > 0 else {
      if let interruptFlag, kshape_flag_is_set(interruptFlag) != 0 {
        // The terminal does not echo Ctrl-C in libedit's raw mode: show it, as for ^D.
        write("^C\n")
        return .interrupted
      }
      // libedit echoes "^D" but leaves the cursor after it.
      write("\n")
      return .endOfInput
    }
    return .line(Self.stripNewline(raw))
  }

  /// True when Ctrl-C was pressed since the last `readLine` began: a computation started after
  /// reading a line polls this to stop early.
  public var interruptRequested: Bool {
    guard let interruptFlag else { return false }
    return kshape_flag_is_set(interruptFlag) != 0
  }

  /// Like `readLine(prompt:)`, with `initialText` already typed: it is pushed onto libedit's
  /// input (`el_push`), since `el_gets` clears the line before it reads. Control characters and
  /// newlines would act as keys, so they become spaces.
  public func readLine(prompt: String, initialText: String) -> LineResult {
    let typed = String(
      initialText.map {
        $0.isNewline || $0 == "\t" || $0.asciiValue.map { $0 < 32 } == true ? " " : $0
      })
    el_push(editLine, typed)
    return readLine(prompt: prompt)
  }

  /// Adds `line` to the history (unless it is blank or repeats the latest entry).
  public func addHistory(_ line: String) {
    guard !line.isBlank else { return }
    kshape_history_enter(history, line)
  }

  // MARK: - Internals reached from the C callbacks

  /// The prompt handed to libedit; it must stay valid after `setPrompt` returns.
  fileprivate var currentPrompt: UnsafeMutablePointer<CChar> {
    promptBuffer ?? kshape_empty_prompt()
  }

  /// Runs one Tab press and returns the libedit `CC_*` code for what to redraw.
  fileprivate func complete() -> UInt8 {
    guard let completion, let info = el_line(editLine) else {
      return UInt8(CC_REFRESH_BEEP)
    }
    let before = Self.text(from: info.pointee.buffer, to: info.pointee.cursor)
    switch CompletionPlan(textBeforeCursor: before, candidates: completion(before)) {
    case .noMatch:
      return UInt8(CC_REFRESH_BEEP)
    case .unchanged:
      return UInt8(CC_NORM)
    case .replace(let deleting, let insert):
      if deleting > 0 {
        el_deletestr(editLine, Int32(clamping: deleting))
      }
      return el_insertstr(editLine, insert) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
    case .list(let candidates):
      let width = Int(kshape_terminal_columns(STDOUT_FILENO))
      let rows = CompletionPlan.columns(candidates, width: width > 0 ? width : 80)
      write("\n" + rows.map { $0 + "\n" }.joined())
      return UInt8(CC_REDISPLAY)
    }
  }

  private func setPrompt(_ prompt: String) {
    let bytes = Array(prompt.utf8)
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
    for (index, byte) in bytes.enumerated() {
      buffer[index] = CChar(bitPattern: byte)
    }
    buffer[bytes.count] = 0
    promptBuffer?.deallocate()
    promptBuffer = buffer
  }

  private func write(_ text: String) {
    fputs(text, kshape_stdout())
    fflush(kshape_stdout())
  }

  /// Decodes libedit's line without the newline it keeps at the end.
  private static func stripNewline(_ raw: UnsafePointer<CChar>) -> String {
    var bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw)))
    while let last = bytes.last, last == 0x0A || last == 0x0D {
      bytes.removeLast()
    }
    return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?)
    -> String
  {
    guard let start, let end, end >= start else { return "" }
    let bytes = UnsafeBufferPointer(start: start, count: end - start)
    return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// Looks up the reader that owns `editLine` through libedit's client data.
private func reader(of editLine: OpaquePointer?) -> LibEditReader? {
  guard let editLine, let data = kshape_el_get_clientdata(editLine) else { return nil }
  return Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue()
}

private func libEditPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
  reader(of: editLine)?.currentPrompt ?? kshape_empty_prompt()
}

private func libEditComplete(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  reader(of: editLine)?.complete() ?? UInt8(CC_ERROR)
}
