import ShapeEngine

/// `kshape inspect MODEL [--size SIZE]... [--batch N] [--json] [--summary] [--assume-identity C]`:
/// a saved model evaluated at the declared shapes or at each size.
public struct Inspect {
  public var path: String
  public var sizes: [String]
  public var batch: Int?
  public var json: Bool
  public var summaryOnly: Bool
  public var assumeIdentity: [String]
  /// `A-B`: which sizes evaluate (every unknown dim set to s) and which layer rejects the others.
  public var scan: String?
  /// RF and Jump columns (`--receptive-field`), `receptive_field` in JSON.
  public var receptiveField = false
  /// `--cost`: MACs and activation memory per layer, and cost totals (docs/cost.md).
  public var cost = false
  /// The terminal's width, to fit the tables to (nil: their natural width).
  public var width: Int?
  /// `--rules`: the size rules of the inputs (`rules` in the REPL), after the rest.
  public var rules = false

  public init(
    path: String, sizes: [String] = [], batch: Int? = nil, json: Bool = false,
    summaryOnly: Bool = false, assumeIdentity: [String] = [], scan: String? = nil
  ) {
    self.scan = scan
    self.path = path
    self.sizes = sizes
    self.batch = batch
    self.json = json
    self.summaryOnly = summaryOnly
    self.assumeIdentity = assumeIdentity
  }

  /// Exit status: 0 when every size evaluates, 1 when a size fails, 2 when the file cannot be
  /// read or is not a model kshape can evaluate (the error names the file and the JSON path).
  public func run(_ output: Output) -> Int32 { run(output) { status, _ in status } }

  /// `run`, ending with `end` while the inspection (nil when there is none) is still alive: a
  /// process that exits in `end` leaves it to the system instead of freeing it object by object.
  public func run<T>(_ output: Output, end: (Int32, Inspection?) -> T) -> T {
    let model: SavedModel
    do {
      model = try ModelLoading.load(path)
    } catch {
      output.err(error.commandLineText)
      return end(2, nil)
    }
    let inspection: Inspection
    let progress = scan.flatMap { ScanProgress(label: "scanning sizes \($0)") }
    do {
      defer { progress?.finish() }
      inspection = try Inspection.run(
        model, sizes: sizes, batch: batch,
        options: ImportOptions(assumeIdentity: Set(assumeIdentity)),
        scan: try scan.map { (s) throws(EngineError) in try SizeScan.parseRange(s) },
        progress: progress.map { p in { p.update(done: $0, total: $1) } })
    } catch {
      output.err(error.inFile(path).commandLineText)
      return end(2, nil)
    }
    var style = RenderStyle(width: width)
    style.receptiveField = receptiveField
    style.cost = cost
    var plain = RenderStyle.plain
    plain.receptiveField = receptiveField
    plain.cost = cost
    var sizeRules: SizeRules?
    if rules {
      do {
        sizeRules = try SizeRules.derive(inspection.session)
      } catch {
        output.err(error.inFile(path).commandLineText)
        return end(2, inspection)
      }
    }
    if json {
      var text = inspection.json(style: plain)
      if let sizeRules {
        text = String(text.dropLast()) + ",\"rules\":" + sizeRules.json.minified + "}"
      }
      output.out(text)
    } else {
      // Written size by size: memory holds one table, not the report.
      let write = output.outBytes ?? { output.out(String(decoding: $0, as: UTF8.self)) }
      inspection.writeText(file: path, summaryOnly: summaryOnly, style: style, to: write)
      if let sizeRules {
        output.out("")
        output.out(sizeRules.text)
      }
    }
    return end(inspection.allEvaluated ? 0 : 1, inspection)
  }
}
