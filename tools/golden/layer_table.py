"""The table of per-layer case generators, in output order.

To cover another Keras layer: write `generate(rng) -> [Case]` (a pure function of `rng`) in the
family's cases_*.py module and add a row here. Each layer gets its own RNG seeded from
(SEED, class name), so adding or editing one layer never changes another layer's cases.
"""

from cases_conv import conv_cases, conv_transpose_cases
from cases_core import activation_cases, batchnorm_cases, dense_cases, dropout_cases, relu_cases
from cases_merge import add_cases, concatenate_cases
from cases_pooling import global_pool_cases, pool_cases
from cases_recurrent import cell_cases, conv_lstm_cases, rnn_cases, rnn_layer_cases, stacked_cells_cases
from cases_reshaping import (
    flatten_cases,
    reshape_cases,
    upsampling2d_cases,
    upsampling_cases,
    zero_padding2d_cases,
    zero_padding_cases,
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
    *[(cls, rnn_layer_cases(cls)) for cls in ("SimpleRNN", "LSTM", "GRU")],
    *[(cls, cell_cases(cls)) for cls in ("SimpleRNNCell", "LSTMCell", "GRUCell")],
    ("StackedRNNCells", stacked_cells_cases),
    ("RNN", rnn_cases),
    *[(f"ConvLSTM{r}D", conv_lstm_cases(r)) for r in (1, 2, 3)],
    ("Bidirectional", bidirectional_cases),
    ("TimeDistributed", time_distributed_cases),
]
