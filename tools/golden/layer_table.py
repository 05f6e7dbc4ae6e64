"""The table of per-layer case generators, in output order.

To cover another Keras layer: write `generate(rng) -> [Case]` (a pure function of `rng`) in the
family's cases_*.py module and add a row here. Each layer gets its own RNG seeded from
(SEED, class name), so adding or editing one layer never changes another layer's cases.
"""

from cases_attention import additive_attention_cases, attention_cases, gqa_cases, mha_cases
from cases_conv import conv_cases, conv_transpose_cases
from cases_core import activation_cases, batchnorm_cases, dense_cases, dropout_cases, relu_cases
from cases_adaptive import adaptive_pool_cases
from cases_cropping import cropping_cases, permute_cases, repeat_vector_cases
from cases_audio import mel_spectrogram_cases, stft_spectrogram_cases
from cases_augmentation import AUGMENTATION_CLASSES, augmentation_cases
from cases_features import category_encoding_cases, discretization_cases, normalization_cases
from cases_lambda import lambda_cases
from cases_merge import add_cases, concatenate_cases
from cases_merge_ops import dot_cases, elementwise_cases
from cases_pooling import global_pool_cases, pool_cases
from cases_separable import depthwise_cases, separable_cases
from cases_preprocessing import center_crop_cases, random_crop_cases, rescaling_cases, resizing_cases
from cases_recurrent import cell_cases, conv_lstm_cases, rnn_cases, rnn_layer_cases, stacked_cells_cases
from cases_activations import elu_cases, leaky_relu_cases, prelu_cases, softmax_cases
from cases_core_extra import einsum_dense_cases, embedding_cases, identity_cases, masking_cases
from cases_normalization import (
    group_normalization_cases,
    layer_normalization_cases,
    rms_normalization_cases,
    unit_normalization_cases,
)
from cases_reversible_embedding import reversible_embedding_cases
from cases_regularization import (
    activity_regularization_cases,
    alpha_dropout_cases,
    gaussian_dropout_cases,
    gaussian_noise_cases,
    spatial_dropout_cases,
)
from cases_reshaping import (
    flatten_cases,
    reshape_cases,
    upsampling2d_cases,
    upsampling_cases,
    zero_padding2d_cases,
    zero_padding_cases,
)
from cases_text import (
    hashed_crossing_cases,
    hashing_cases,
    integer_lookup_cases,
    pipeline_cases,
    spectral_normalization_cases,
    string_lookup_cases,
    text_vectorization_cases,
)
from cases_wrappers import bidirectional_cases, time_distributed_cases

LAYER_GENERATORS = [
    ("Conv1D", conv_cases(1)),
    ("Conv2D", conv_cases(2)),
    ("Conv3D", conv_cases(3)),
    ("Conv1DTranspose", conv_transpose_cases(1)),
    ("Conv2DTranspose", conv_transpose_cases(2)),
    ("Conv3DTranspose", conv_transpose_cases(3)),
    *[(f"{k}Pooling{r}D", pool_cases(k, r)) for k in ("Max", "Average") for r in (1, 2, 3)],
    *[(f"Global{k}Pooling{r}D", global_pool_cases(k, r)) for k in ("Average", "Max") for r in (1, 2, 3)],
    ("Dense", dense_cases),
    ("Lambda", lambda_cases),
    ("Flatten", flatten_cases),
    ("Activation", activation_cases),
    ("ReLU", relu_cases),
    ("Dropout", dropout_cases),
    ("BatchNormalization", batchnorm_cases),
    ("Reshape", reshape_cases),
    ("Concatenate", concatenate_cases),
    ("Add", add_cases),
    ("ZeroPadding1D", zero_padding_cases(1)),
    ("ZeroPadding2D", zero_padding2d_cases),
    ("ZeroPadding3D", zero_padding_cases(3)),
    ("UpSampling1D", upsampling_cases(1)),
    ("UpSampling2D", upsampling2d_cases),
    ("UpSampling3D", upsampling_cases(3)),
    ("SeparableConv1D", separable_cases(1)),
    ("SeparableConv2D", separable_cases(2)),
    ("DepthwiseConv1D", depthwise_cases(1)),
    ("DepthwiseConv2D", depthwise_cases(2)),
    *[(f"Adaptive{k}Pooling{r}D", adaptive_pool_cases(k, r)) for k in ("Average", "Max") for r in (1, 2, 3)],
    ("Permute", permute_cases),
    ("RepeatVector", repeat_vector_cases),
    *[(f"Cropping{r}D", cropping_cases(r)) for r in (1, 2, 3)],
    *[(cls, elementwise_cases(cls)) for cls in ("Subtract", "Multiply", "Average", "Maximum", "Minimum")],
    ("Dot", dot_cases),
    ("MultiHeadAttention", mha_cases),
    ("GroupQueryAttention", gqa_cases),
    ("Attention", attention_cases),
    ("AdditiveAttention", additive_attention_cases),
    ("Rescaling", rescaling_cases),
    ("Resizing", resizing_cases),
    ("CenterCrop", center_crop_cases),
    ("RandomCrop", random_crop_cases),
    ("Normalization", normalization_cases),
    ("Discretization", discretization_cases),
    ("CategoryEncoding", category_encoding_cases),
    ("MelSpectrogram", mel_spectrogram_cases),
    ("STFTSpectrogram", stft_spectrogram_cases),
    *[(cls, augmentation_cases(cls)) for cls in AUGMENTATION_CLASSES],
    *[(cls, rnn_layer_cases(cls)) for cls in ("SimpleRNN", "LSTM", "GRU")],
    *[(cls, cell_cases(cls)) for cls in ("SimpleRNNCell", "LSTMCell", "GRUCell")],
    ("StackedRNNCells", stacked_cells_cases),
    ("RNN", rnn_cases),
    *[(f"ConvLSTM{r}D", conv_lstm_cases(r)) for r in (1, 2, 3)],
    ("Bidirectional", bidirectional_cases),
    ("TimeDistributed", time_distributed_cases),
    ("EinsumDense", einsum_dense_cases),
    ("Embedding", embedding_cases),
    ("Identity", identity_cases),
    ("Masking", masking_cases),
    ("LeakyReLU", leaky_relu_cases),
    ("PReLU", prelu_cases),
    ("ELU", elu_cases),
    ("Softmax", softmax_cases),
    *[(f"SpatialDropout{r}D", spatial_dropout_cases(r)) for r in (1, 2, 3)],
    ("GaussianDropout", gaussian_dropout_cases),
    ("GaussianNoise", gaussian_noise_cases),
    ("AlphaDropout", alpha_dropout_cases),
    ("ActivityRegularization", activity_regularization_cases),
    ("LayerNormalization", layer_normalization_cases),
    ("GroupNormalization", group_normalization_cases),
    ("UnitNormalization", unit_normalization_cases),
    ("RMSNormalization", rms_normalization_cases),
    ("ReversibleEmbedding", reversible_embedding_cases),
    ("Hashing", hashing_cases),
    ("HashedCrossing", hashed_crossing_cases),
    ("StringLookup", string_lookup_cases),
    ("IntegerLookup", integer_lookup_cases),
    ("TextVectorization", text_vectorization_cases),
    ("SpectralNormalization", spectral_normalization_cases),
    ("Pipeline", pipeline_cases),
]
