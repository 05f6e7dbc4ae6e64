import Foundation
import ShapeEngine
import Testing

/// kshape's MACs of well-known architectures (the golden model files, written by Keras's own
/// keras.applications code with weights=None) against the figures their authors and the
/// established counters publish. Published figures are rounded and some architectures differ
/// in details from the one the figure was counted on, so each has a tolerance, said with it.
@Suite struct CostPublishedTests {
  struct Figure: CustomStringConvertible, Sendable {
    var model: String
    var size: String
    /// Multiply-accumulates, as published.
    var macs: Double
    var tolerance: Double
    var source: String
    var description: String { model }
  }

  static let figures: [Figure] = [
    Figure(
      model: "resnet50_top", size: "224x224x3", macs: 3.8e9, tolerance: 0.02,
      source:
        "He et al., Deep Residual Learning for Image Recognition, CVPR 2016, Table 1: ResNet-50 "
        + "3.8x10^9 FLOPs (multiply-adds). Keras's ResNet50 is that v1 network (stride 2 in the "
        + "block's first 1x1); counters give 3.86 G for it (torchvision's v1.5, stride in the "
        + "3x3, is the 4.09 GMACs of ptflops's table)"),
    Figure(
      model: "vgg16_top", size: "224x224x3", macs: 15.47e9, tolerance: 0.005,
      source:
        "torchvision.models VGG16_Weights.IMAGENET1K_V1: 15.47 GFLOPS (torchvision counts "
        + "multiply-accumulates); ptflops README: vgg16 15.5 GMac. The golden file has 10 classes "
        + "instead of 1000 (4096*990 fewer MACs, 0.03%)"),
    Figure(
      model: "mobilenetv2_top", size: "224x224x3", macs: 300e6, tolerance: 0.01,
      source:
        "Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018, "
        + "Table 4: MobileNetV2 (1.0, 224) 300M multiply-adds"),
    Figure(
      model: "efficientnetb0", size: "224x224", macs: 0.39e9, tolerance: 0.02,
      source:
        "Tan and Le, EfficientNet: Rethinking Model Scaling for CNNs, ICML 2019, Table 2: "
        + "EfficientNet-B0 0.39B FLOPs (multiply-adds); the golden file has no top (1.28 M MACs)"),
    Figure(
      model: "densenet121", size: "224x224", macs: 2.83e9, tolerance: 0.01,
      source:
        "torchvision.models DenseNet121_Weights.IMAGENET1K_V1: 2.83 GFLOPS (multiply-"
        + "accumulates); the golden file has no top (1 M MACs)"),
  ]

  @Test(arguments: figures)
  func macsMatchThePublishedFigure(_ f: Figure) throws {
    let (saved, _) = try ModelFileCase(name: f.model).load()
    let inspection = try Inspection.run(saved, sizes: [f.size])
    let ev = try #require(inspection.results.first?.evaluation)
    #expect(ev.failure == nil)
    let report = CostAnalysis.run(ev.graph)
    let macs = Double(try #require(report.total.macs.value))
    let off = abs(macs - f.macs) / f.macs
    #expect(off <= f.tolerance, "\(f.model): kshape \(macs), published \(f.macs) (\(f.source))")
  }
}
