"""The table of per-layer case generators, in output order.

To cover another Keras layer: write `generate(rng) -> [Case]` (a pure function of `rng`) in the
family's cases_*.py module and add a row here. Each layer gets its own RNG seeded from
(SEED, class name), so adding or editing one layer never changes another layer's cases.
"""

from cases_activations import elu_cases, leaky_relu_cases, prelu_cases, softmax_cases
from cases_conv import conv_cases, conv_transpose_cases
from cases_core import activation_cases, batchnorm_cases, dense_cases, dropout_cases, relu_cases
from cases_core_extra import einsum_dense_cases, embedding_cases, identity_cases, masking_cases
from cases_merge import add_cases, concatenate_cases
from cases_normalization import (
    group_normalization_cases,
    layer_normalization_cases,
    rms_normalization_cases,
    unit_normalization_cases,
)
from cases_pooling import global_pool_cases, pool_cases
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
]
