extension Help {
  static let receptiveFieldHelp = """
    Receptive field: which input positions each layer's output position depends on.
      summary --receptive-field            RF and Jump columns at the declared shapes
      apply 224x224 --receptive-field      the same at a size; RF larger than the input: !
      kshape inspect MODEL --receptive-field [--size 224x224] [--json]
    RF is the field's size per spatial axis (the largest over positions: 212x212), Jump the
    input positions between neighbouring outputs (16x16; 1/2 after an upsampling), after
    Araujo et al., "Computing Receptive Fields of Convolutional Neural Networks" (Distill 2019).
    At a merge the field is the hull over the paths; global pooling and Flatten give "all".
    'same' padding pads as Keras does (the extra position at the end). JSON adds `start`: the
    first input position output 0 depends on (negative inside the padding).
    """
}
