extension Help {
  /// `help cost`.
  static let costHelp = """
    --cost          what a forward pass computes and holds, per layer and in total
      summary --cost           at the declared shapes: formulas such as 216*(H-2)*(W-2)
      apply 224x224 --cost     at a size: numbers; apply 224x224 batch=8 --cost at batch 8
      kshape inspect MODEL --size 224x224 --cost   (--summary: totals only; --json: "cost")
      cost on / cost off       keep the columns on for every summary and apply
    Columns: MACs (multiply-accumulates of convolutions, Dense, EinsumDense, attention's
    projections and QK^T/AV, recurrent steps; no bias) and Activations (output elements x
    dtype size, batch 1 unless the batch dim is set). Totals: MACs, FLOPs (2 x MACs + bias
    adds, activations, normalizations, pooling and merges, one FLOP per element each), all
    activation memory, the peak live along the execution order, parameter memory by dtype.
    A layer kshape has no rule for is listed as not counted; a plain None dim makes a count
    unknown. Conventions and their checks: docs/cost.md.
    """
}
