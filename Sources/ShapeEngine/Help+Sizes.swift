/// Help for the commands about sizes and comparisons: `rules`, `solve`, `diff`.
extension Help {
  static let sizeTopics: [String: String] = [
    "rules": """
    rules          which sizes of each unknown input dim evaluate, as rules from the layers
      H: H >= 8 and H % 4 == 0  (smallest: 8, 12, 16, 20, ...)
        concatenate_1 (Concatenate) (up_sampling2d_1 and conv2d): 4*floor(H/4) == H, so H % 4 == 0
        conv2d_3 (Conv2D): 4*floor(H/4)-4 >= 1, so H >= 8
        checked: agrees with evaluating every H = 1-64 with W=4
    Each condition is read from the formulas (a 'valid' conv or pooling needs its output >= 1,
    a Concatenate equal sizes, Add and the other merges equal sizes or 1) and solved exactly;
    the rule is then checked against evaluating every size of a range (two periods past where
    it settles). Where they disagree the rule is called incomplete and what evaluation found
    is shown instead. Also: kshape inspect MODEL --rules.
    """,
    "solve": """
    solve OUTPUT   which input sizes give a wanted output
      solve 7x7          the sizes whose output axes (those that depend on the input) are 7x7
      solve 7x7x1280     the whole output shape, without the batch
      solve 1x1          the smallest size that gives a 1x1 map
      solve same         the sizes where each output axis equals the input axis it comes from
      solve decoder 64x64   a model by name
    Each output axis is a formula in one input size; its equation is solved with the size rules
    and checked by evaluating every size of a stated range; the smallest sizes are listed.
    """,
    "diff": """
    diff A B       what changed between two models: layers added, removed, and changed (class,
                   output shape, params); layers are matched by name, the rest in order by class
      diff encoder decoder       two models of this session
      diff session A B           two stored sessions (each replayed; its last model)
      diff model other.keras     a model of this session against a model file
      diff a.keras b.json        two model files
    """,
  ]
}
