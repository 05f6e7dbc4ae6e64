import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// Receptive fields against independent references: fields measured by running Keras
/// (tools/receptive/reference.py) and published figures for well-known networks.
@Suite struct ReceptiveFieldTests {
  /// What tools/receptive/reference.py measured: per layer and spatial axis, the hull of the
  /// input positions each output position along the central line depends on.
  struct Measured: Decodable {
    struct Axis: Decodable {
      var input: Int
      var intervals: [[Int]?]
    }
    struct Network: Decodable {
      var name: String
      var size: String
      var layers: [String: [Axis]]
    }
    var networks: [Network]
  }

  static let folder = Golden.folder.appendingPathComponent("receptive")

  static func measured() throws -> [Measured.Network] {
    let data = try Data(contentsOf: folder.appendingPathComponent("receptive.json"))
    return try JSONDecoder().decode(Measured.self, from: data).networks
  }

  /// The model's graph at `size` (nil: as declared) and its receptive fields.
  static func analysed(_ file: URL, size: String?) throws -> (Graph, ReceptiveFields) {
    let model = try SavedModel.decode(try JSONParser.parse(Array(try Data(contentsOf: file))))
    let inspection = try Inspection.run(model, sizes: size.map { [$0] } ?? [])
    let ev = try #require(inspection.results.first?.evaluation)
    #expect(ev.failure == nil)
    return (ev.graph, ReceptiveFields(ev.graph))
  }

  /// The axes of the last output of layer `name`, in its one input.
  static func axes(_ name: String, _ g: Graph, _ fields: ReceptiveFields) -> [AxisField]? {
    guard let node = g.layers.first(where: { $0.name == name }),
      let t = node.calls.last?.outputs.first, case .traced(let s) = fields[t], s.count == 1,
      case .axes(let a)? = s.values.first
    else { return nil }
    return a
  }

  @Test func measuredNetworksArePresent() throws {
    let networks = try Self.measured()
    #expect(networks.count >= 8)
    #expect(networks.map { $0.layers.count }.reduce(0, +) >= 50)
  }

  /// Every position of every layer. Keras's actual dependence lies inside kshape's field
  /// (Distill's field ignores the edges: padding and cropping inside the network cut the actual
  /// one near the borders); where the measured hull is as wide as kshape's field it is the same
  /// interval (so offsets are exact); and the largest measured field is kshape's size.
  @Test(arguments: try measured().map(\.name))
  func matchesKerasMeasurement(_ name: String) throws {
    let network = try #require(try Self.measured().first { $0.name == name })
    let (g, fields) = try Self.analysed(
      Self.folder.appendingPathComponent(name + ".json"), size: nil)
    var exact = 0
    for (layer, measuredAxes) in network.layers.sorted(by: { $0.key < $1.key }) {
      guard let axes = Self.axes(layer, g, fields) else {
        Issue.record("\(name)/\(layer): no receptive field (\(fields.description(layer, g)))")
        continue
      }
      try #require(axes.count == measuredAxes.count, "\(name)/\(layer): axes")
      for (i, (axis, m)) in zip(axes, measuredAxes).enumerated() {
        var widest = 0
        for (o, interval) in m.intervals.enumerated() {
          let mine = try axis.interval(o)
          let at = "\(name)/\(layer) axis \(i) position \(o)"
          guard let interval else { continue }
          guard let mine else {
            Issue.record("\(at): measured \(interval), kshape: none")
            continue
          }
          #expect(
            mine.lowerBound <= interval[0] && interval[1] <= mine.upperBound,
            "\(at): measured \(interval) outside \(mine)")
          if interval[1] - interval[0] == mine.upperBound - mine.lowerBound {
            #expect(mine == interval[0]...interval[1], "\(at): \(mine) vs \(interval)")
            exact += 1
          }
          widest = max(widest, interval[1] - interval[0] + 1)
        }
        if axis.size <= m.input {
          #expect(
            widest == axis.size, "\(name)/\(layer) axis \(i): size \(axis.size), measured \(widest)"
          )
        }
      }
    }
    #expect(exact > 0)
  }

  /// Published receptive fields (size r and effective stride, per axis; effective padding =
  /// -start) of the final feature maps, from the table of Araujo, Norris and Sim, "Computing
  /// Receptive Fields of Convolutional Neural Networks", Distill 2019
  /// (doi:10.23915/distill.00021), also in github.com/google-research/receptive_field README:
  /// vgg_16 212/32/90, resnet_v1_50 483/32/239, resnet_v1_101 1027/32/511,
  /// inception_v3 1311/32/618. Those are TF-Slim's models; Keras's differ in where ResNet pads
  /// (Keras: ZeroPadding2D(3) then a 'valid' 7x7, TF-Slim: 'SAME'-style fixed padding), so for
  /// the ResNets only r and the stride are compared. ResNet101V2 keeps resnet_v1_101's
  /// convolutions (same kernels and strides, pre-activation order only).
  @Test(arguments: [
    ("vgg16", "block5_pool", 224, 212, 32, -90 as Int?),
    ("resnet50", "conv5_block3_out", 224, 483, 32, nil),
    ("resnet101v2", "post_relu", 224, 1027, 32, nil),
    ("inceptionv3", "mixed10", 299, 1311, 32, -618),
  ])
  func publishedFigures(
    _ model: String, _ layer: String, _ size: Int, _ r: Int, _ jump: Int, _ start: Int?
  ) throws {
    let file = Golden.folder.appendingPathComponent("modelfiles/\(model).json")
    let (g, fields) = try Self.analysed(file, size: "\(size)x\(size)")
    let axes = try #require(Self.axes(layer, g, fields), "\(model)/\(layer)")
    for a in axes {
      #expect(a.size == r, "\(model)/\(layer): RF \(a.size), published \(r)")
      #expect(a.jump.numerator == jump && a.jump.denominator == 1, "\(model): jump \(a.jump)")
      if let start { #expect(a.start == start, "\(model): start \(String(describing: a.start))") }
    }
  }

  /// After Flatten and Dense (VGG16 with its top), every output depends on the whole input.
  @Test func flattenCoversTheWholeInput() throws {
    let file = Golden.folder.appendingPathComponent("modelfiles/vgg16_top.json")
    let (g, fields) = try Self.analysed(file, size: nil)
    let last = try #require(g.outputs.first)
    guard case .traced(let s) = fields[last] else {
      Issue.record("untraced")
      return
    }
    #expect(s.values.allSatisfy { $0 == .whole })
  }
}

extension ReceptiveFieldTests {
  /// The columns and the flag, in the table and in `inspect --json`: VGG16 at 32x32 has fields
  /// (212 at block5_pool, as published) larger than its input.
  @Test func tableColumnsFlagAndJSON() throws {
    let data = try Data(
      contentsOf: Golden.folder.appendingPathComponent("modelfiles/vgg16.json"))
    let model = try SavedModel.decode(try JSONParser.parse(Array(data)))
    let inspection = try Inspection.run(model, sizes: ["32x32"])
    var style = RenderStyle.plain
    style.receptiveField = true
    let text = inspection.text(file: "vgg16.json", summaryOnly: false, style: style)
    #expect(text.contains("RF") && text.contains("Jump"))
    #expect(text.contains("212x212!"))
    #expect(text.contains("!: the receptive field is larger than the input."))
    let json = try JSONParser.parse(Array(inspection.json(style: style).utf8))
    let layers = json["results"]?.arrayValue?.first?["layers"]?.arrayValue ?? []
    let pool = layers.first { $0["name"]?.stringValue == "block5_pool" }
    let field = pool?["receptive_field"]?.arrayValue?.first
    #expect(field?["size"] == .array([.int(212), .int(212)]))
    #expect(field?["exceeds_input"] == .bool(true))
    #expect(field?["start"] == .array([.int(-90), .int(-90)]))
    // Without the option, no field.
    #expect(!inspection.json.contains("receptive_field"))
  }
}

extension ReceptiveFieldTests {
  /// A ViT: the patches' field is followed; the Reshape to tokens is not; attention over the
  /// tokens, and everything after it (residual adds included), covers the whole image.
  @Test func attentionCoversTheWholeInputPastAReshape() throws {
    let file = Golden.folder.appendingPathComponent("modelfiles/vit.json")
    let (g, fields) = try Self.analysed(file, size: "224x224")
    func field(_ name: String) -> Field? {
      g.layers.first { $0.name == name }?.calls.first?.outputs.first.map { fields[$0] }
    }
    #expect(Self.axes("conv2d", g, fields)?.count == 2)
    guard case .untraced? = field("reshape") else {
      Issue.record("reshape: \(String(describing: field("reshape")))")
      return
    }
    for name in ["multi_head_attention", "add", "add_3", "dense_4"] {
      guard case .traced(let s)? = field(name) else {
        Issue.record("\(name): \(String(describing: field(name)))")
        continue
      }
      #expect(!s.isEmpty && s.values.allSatisfy { $0 == .whole }, "\(name)")
    }
  }
}

extension ReceptiveFields {
  /// A layer's field in words, for failure messages.
  func description(_ layer: String, _ g: Graph) -> String {
    guard let t = g.layers.first(where: { $0.name == layer })?.calls.last?.outputs.first else {
      return "no such layer"
    }
    return String(describing: self[t])
  }
}
