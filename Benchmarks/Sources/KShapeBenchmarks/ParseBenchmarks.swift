import Benchmark
import KerasJSON

/// Reading a model file's JSON: `JSONParser.parse` of the largest golden configs alone (the
/// bytes are in memory; the parsed value is released inside the timing, as a run releases it).
func parseBenchmarks() {
  for name in Workloads.largest {
    let bytes = Workloads.bytes(name)
    precondition((try? JSONParser.parse(bytes)) != nil, "\(name).json parses")
    benchmark("parse/\(name)") { _ = try JSONParser.parse(bytes) }
  }
}
