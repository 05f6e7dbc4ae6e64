import Foundation
import LayerCatalog
import Testing

/// The catalog checks itself against Keras's own signatures and against the golden cases.
@Suite struct CatalogTests {
  struct Signatures: Decodable {
    struct Param: Decodable {
      var name: String
      var `default`: Default?
    }
    struct Default: Decodable {
      var value: JSONValue?
      var tuple: Bool?
      var repr: String?
    }
    struct Layer: Decodable {
      var `class`: String
      var params: [Param]
    }
    var layers: [String: Layer]
  }

  /// A JSON scalar or array, compared with the catalog's defaults.
  enum JSONValue: Decodable, Equatable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() {
        self = .null
      } else if let b = try? c.decode(Bool.self) {
        self = .bool(b)
      } else if let i = try? c.decode(Int.self) {
        self = .int(i)
      } else if let d = try? c.decode(Double.self) {
        self = .double(d)
      } else if let s = try? c.decode(String.self) {
        self = .string(s)
      } else {
        self = .array(try c.decode([JSONValue].self))
      }
    }
  }

  static func json(_ v: Value) -> JSONValue {
    switch v {
    case .int(let i): return .int(i)
    case .float(let d): return d == d.rounded() ? .int(Int(d)) : .double(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .none: return .null
    case .tuple(let xs), .list(let xs): return .array(xs.map(json))
    case .layer(let l): return .string("<\(l.className)>")
    case .dict: return .string("<dict>")
    }
  }

  static let keras: Signatures? = {
    guard let data = try? Data(contentsOf: Golden.folder.appendingPathComponent("signatures.json"))
    else { return nil }
    return try? JSONDecoder().decode(Signatures.self, from: data)
  }()

  @Test(arguments: Catalog.entries.map(\.className))
  func signatureMatchesKeras(_ name: String) throws {
    let keras = try #require(Self.keras?.layers[name], "Keras has no layer \(name)")
    let entry = try #require(Catalog.entry(name))
    #expect(entry.signature.parameters.map(\.name) == keras.params.map(\.name))
    for (ours, theirs) in zip(entry.signature.parameters, keras.params) {
      switch (ours.defaultValue, theirs.default) {
      case (nil, nil): break
      case (let v?, let d?):
        if d.repr == nil {
          #expect(Self.json(v) == (d.value ?? .null), "default of \(name).\(ours.name)")
        }
      default:
        Issue.record("\(name).\(ours.name): required in one, defaulted in the other")
      }
    }
  }

  @Test(arguments: Catalog.entries.flatMap(\.aliases))
  func aliasesAreKerasNamesForTheSameClass(_ alias: String) throws {
    let keras = try #require(Self.keras?.layers[alias], "Keras has no layer \(alias)")
    #expect(Catalog.entry(alias)?.className == keras.class)
  }

  @Test func namesAreUnique() {
    let names = Catalog.entries.flatMap { [$0.className] + $0.aliases }
    #expect(Set(names).count == names.count)
  }

  @Test func everyEntryHasHelpAndGoldenCases() throws {
    let cases = try Golden.layerCases()
    let covered = Set(cases.map(\.layer))
    for e in Catalog.entries {
      #expect(!e.rule.isEmpty && !e.example.isEmpty, "\(e.className) has help")
      #expect(covered.contains(e.className), "\(e.className) has golden cases")
    }
  }

  @Test func signatureTextHasKwargsOnlyWhereKerasTakesThem() {
    #expect(
      Catalog.entry("SpatialDropout2D")?.signatureText
        == "SpatialDropout2D(rate, data_format=None, seed=None, name=None, dtype=None)")
    #expect(
      Catalog.entry("Conv2D")?.signatureText
        == "Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', data_format=None, "
        + "dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, "
        + "kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, "
        + "bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, "
        + "bias_constraint=None, **kwargs)")
  }

  @Test func snakeCaseMatchesKerasAutoNames() {
    #expect(snakeCase("Conv2D") == "conv2d")
    #expect(snakeCase("MaxPooling2D") == "max_pooling2d")
    #expect(snakeCase("GlobalAveragePooling1D") == "global_average_pooling1d")
    #expect(snakeCase("BatchNormalization") == "batch_normalization")
    #expect(snakeCase("ReLU") == "re_lu")
    #expect(snakeCase("Conv2DTranspose") == "conv2d_transpose")
  }
}

/// docs/layers.md is written from the catalog; re-record with KSHAPE_RECORD=1.
@Suite struct LayerDocsTests {
  @Test func docsLayersIsInSyncWithTheCatalog() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/layers.md")
    if ProcessInfo.processInfo.environment["KSHAPE_RECORD"] == "1" {
      try Catalog.markdown.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == Catalog.markdown, "docs/layers.md is stale: re-record it")
  }
}

/// Every class Keras exports from keras.layers is either in the catalog or refused with a reason.
@Suite struct CatalogCompletenessTests {
  @Test func everyKerasLayerIsKnownOrRefusedWithAReason() throws {
    let keras = try #require(CatalogTests.keras, "signatures.json is readable")
    // InputLayer is the `Input(...)` statement, handled by the engine.
    let missing = keras.layers.keys.sorted().filter {
      Catalog.entry($0) == nil && Catalog.opaque[$0] == nil && $0 != "InputLayer"
    }
    #expect(missing.isEmpty, "not in the catalog and not refused: \(missing)")
  }
}
