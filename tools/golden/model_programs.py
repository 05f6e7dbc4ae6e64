"""The kshape programs evaluated for models.jsonl, each with the sizes it is applied at.

A program is written as kshape source, one statement per line. `None` in sizes means "as
declared". Multi-input programs give sizes as `var=AxB other=C`.
"""


def program(pid, sizes, source):
    statements = [line.strip() for line in source.strip().splitlines() if line.strip()]
    return {"id": pid, "sizes": list(sizes), "statements": statements}


PROGRAMS = [
    program("walkthrough_valid", [None, "100x100", "10x10", "5x5", "4x4", "32x32x1"], """
        ip = Input((None, None, 3))
        Conv2D(3, (5, 5), padding='valid')
    """),
    program("factory_10x10", [None, "100x100x3", "4x4x3"], """
        ip = Input((10, 10, 3))
        Conv2D(3, (5, 5), padding='valid')
    """),
    program("factory_100x100", [None], """
        ip = Input((100, 100, 3))
        Conv2D(3, (5, 5), padding='valid')
    """),
    program("small_cnn", [None, "224x224", "97x131", "32x32", "1x1", "7x7"], """
        x = Input((None, None, 3))
        Conv2D(16, 3, strides=2, padding='same', activation='relu')
        MaxPooling2D()
        Conv2D(32, 3, padding='valid')
        GlobalAveragePooling2D()
        Dense(10, activation='softmax')
    """),
    program("flatten_dense", [None, "28x28", "32x32", "3x3", "2x2"], """
        x = Input((None, None, 1))
        Conv2D(8, 3)
        Flatten()
        Dense(10)
    """),
    program("mlp_fixed_input", [None, "32x32x3"], """
        x = Input(shape=(28, 28, 1))
        Flatten()
        Dense(128, activation='relu')
        Dropout(0.2)
        Dense(10)
    """),
    program("unet_block", [None, "64x64", "63x63", "4x4", "2x2"], """
        inp = Input((None, None, 3))
        c1 = Conv2D(16, 3, padding='same', activation='relu')(inp)
        p1 = MaxPooling2D()(c1)
        c2 = Conv2D(32, 3, padding='same', activation='relu')(p1)
        p2 = MaxPooling2D()(c2)
        b = Conv2D(64, 3, padding='same')(p2)
        u2 = Conv2DTranspose(32, 2, strides=2, padding='same')(b)
        m2 = Concatenate()([u2, c2])
        c3 = Conv2D(32, 3, padding='same', activation='relu')(m2)
        u1 = UpSampling2D()(c3)
        m1 = Concatenate()([u1, c1])
        Conv2D(1, 1, activation='sigmoid')
    """),
    program("residual_block", [None, "8x8x16", "8x8x8"], """
        x = Input((32, 32, 16))
        y = Conv2D(16, 3, padding='same')(x)
        y = BatchNormalization()(y)
        y = ReLU()(y)
        y = Conv2D(16, 3, padding='same')(y)
        z = Add()([x, y])
        Activation('relu')
    """),
    program("residual_projection", [None, "32x32", "31x31", "1x1"], """
        x = Input((None, None, 32))
        y = Conv2D(64, 3, strides=2, padding='same')(x)
        y = BatchNormalization()(y)
        s = Conv2D(64, 1, strides=2)(x)
        z = Add()([s, y])
        ReLU()
    """),
    program("residual_mismatch", [None, "32x32", "2x2"], """
        x = Input((None, None, 8))
        y = Conv2D(8, 3, strides=2)(x)
        s = Conv2D(8, 1, strides=2)(x)
        Add()([s, y])
    """),
    program("squeeze_excite_broadcast", [None, "8x8"], """
        x = Input((None, None, 16))
        g = GlobalAveragePooling2D(keepdims=True)(x)
        g = Dense(4, activation='relu')(g)
        s = Dense(16, activation='sigmoid')(g)
        y = Add()([x, s])
    """),
    program("seq1d_causal", [None, "100", "7", "10", "50x8"], """
        s = Input((None, 16))
        Conv1D(32, 3, padding='causal', activation='relu')
        Conv1D(32, 3, dilation_rate=2, padding='causal')
        MaxPooling1D(2)
        Conv1D(64, 5)
        GlobalMaxPooling1D()
        Dense(1)
    """),
    program("seq1d_channels_first", [None, "9", "3"], """
        s = Input((4, None))
        Conv1D(8, 3, data_format='channels_first')
        AveragePooling1D(2, data_format='channels_first')
        GlobalAveragePooling1D(data_format='channels_first')
    """),
    program("conv3d_net", [None, "16x16x16", "8x8x8", "5x5x5", "10x12x14"], """
        v = Input((None, None, None, 1))
        Conv3D(8, 3, padding='same', activation='relu')
        MaxPooling3D(2)
        Conv3D(16, 3)
        GlobalAveragePooling3D()
        Dense(2)
    """),
    program("pool3d_keepdims", [None, "4x4x4", "1x4x4"], """
        v = Input((None, None, None, 2))
        AveragePooling3D((2, 2, 1))
        GlobalMaxPooling3D(keepdims=True)
        Flatten()
    """),
    program("channels_first_cnn", [None, "32x32", "3x3"], """
        x = Input((3, None, None))
        Conv2D(8, 3, data_format='channels_first')
        MaxPooling2D(2, data_format='channels_first')
        BatchNormalization(axis=1)
        GlobalAveragePooling2D(data_format='channels_first')
        Dense(4)
    """),
    program("channels_first_flatten", [None, "3x32x32"], """
        x = Input((1, 28, 28))
        Conv2D(4, 5, data_format='channels_first')
        Flatten(data_format='channels_first')
        Dense(10)
    """),
    program("shared_dense_one_input", [None, "10"], """
        x = Input((None, 16))
        d = Dense(8)
        a = d(x)
        g = GlobalAveragePooling1D()(x)
        b = d(g)
    """),
    program("shared_dense_two_inputs", [None, "left=64 right=64", "left=64 right=32"], """
        left = Input((32,))
        right = Input((32,))
        d = Dense(16, activation='relu')
        l = d(left)
        r = d(right)
        m = Concatenate()([l, r])
        Dense(1, activation='sigmoid')
    """),
    program("batch_size_fixed", [None, "16x16"], """
        x = Input((None, None, 3), batch_size=8)
        Conv2D(4, 3)
        GlobalMaxPooling2D()
        Dense(2)
    """),
    program("named_int_input", [None, "12"], """
        t = Input(shape=(10,), batch_size=1, dtype='int32', name='tokens')
        Dense(4)
        Activation('softmax')
    """),
    program("two_inputs_merge", [None, "img=224x224 seq=100", "img=2x2 seq=10", "img=3x3 seq=1"], """
        img = Input((None, None, 3), name='image')
        seq = Input((None, 8), name='sequence')
        a = Conv2D(16, 3)(img)
        a = GlobalAveragePooling2D()(a)
        b = Conv1D(16, 3, padding='causal')(seq)
        b = GlobalMaxPooling1D()(b)
        m = Concatenate()([a, b])
        Dense(1)
    """),
    program("two_inputs_broadcast_add", [None, "p=4x1x8 q=1x6x8", "p=4x1x8 q=3x6x8"], """
        p = Input((4, 1, 8))
        q = Input((1, 6, 8))
        Add()([p, q])
    """),
    program("reshape_roundtrip", [None, "14x14"], """
        x = Input((28, 28))
        Reshape((28, 28, 1))
        Conv2D(8, 3)
        Reshape((-1, 8))
        GlobalAveragePooling1D()
        Dense(10)
    """),
    program("reshape_unknown", [None, "5", "1"], """
        x = Input((None, 12))
        Reshape((-1, 4, 3))
        Conv2D(2, (1, 3))
        Flatten()
        Dense(3)
    """),
    program("mobilenet_stem_padding", [None, "224x224", "225x225", "1x1"], """
        x = Input((None, None, 3))
        ZeroPadding2D(((0, 1), (0, 1)))
        Conv2D(32, 3, strides=2, padding='valid', use_bias=False)
        BatchNormalization()
        ReLU(6.0)
    """),
    program("upsample_transpose", [None, "7x7", "1x1"], """
        x = Input((None, None, 8))
        UpSampling2D(2, interpolation='bilinear')
        Conv2DTranspose(4, 3, strides=2)
        Conv2DTranspose(4, 3, strides=2, padding='same', output_padding=1)
    """),
    program("conv_autoencoder", [None, "29x29x1"], """
        x = Input((28, 28, 1))
        Conv2D(16, 3, padding='same', activation='relu')
        MaxPooling2D(2, padding='same')
        Conv2D(8, 3, padding='same', activation='relu')
        MaxPooling2D(2, padding='same')
        Conv2DTranspose(8, 3, strides=2, padding='same')
        Conv2DTranspose(16, 3, strides=2, padding='same')
        Conv2D(1, 3, padding='same', activation='sigmoid')
    """),
    program("inception_concat_three", [None, "17x17"], """
        x = Input((None, None, 8))
        a = Conv2D(4, 1)(x)
        b = Conv2D(4, 3, padding='same')(x)
        c = MaxPooling2D(3, strides=1, padding='same')(x)
        m = Concatenate(axis=-1)([a, b, c])
        Conv2D(16, 1)
    """),
    program("grouped_convs", [None, "9x9", "9x9x6"], """
        x = Input((None, None, 8))
        Conv2D(16, 3, groups=4, padding='same')
        Conv2D(16, 3, groups=8, strides=2)
    """),
    program("mixed_precision", [None, "32x32"], """
        x = Input((None, None, 3))
        Conv2D(8, 3, dtype='mixed_float16')
        BatchNormalization(dtype='mixed_float16')
        Activation('relu')
        GlobalAveragePooling2D()
        Dense(10, dtype='float32')
    """),
    program("int_input_pipeline", [None, "4x4x2"], """
        x = Input(shape=(8, 8, 1), dtype='int32')
        Flatten()
        Reshape((8, 8, 1))
        MaxPooling2D()
        Flatten()
        Dense(4)
    """),
    program("dense_stack_sequence", [None, "30", "30x7"], """
        x = Input((None, 20))
        Dense(64, activation='relu')
        Dropout(0.5)
        Dense(64)
        BatchNormalization()
        Dense(5)
    """),
    program("construction_error", [None, "32x32"], """
        x = Input((None, None, 3))
        Conv2D(8, 3)
        Conv2D(8, 3, strides=2, dilation_rate=2)
    """),
    program("keyword_style_layers", [None, "20x20"], """
        x = Input(shape=(None, None, 3), name='pixels')
        y = Conv2D(filters=8, kernel_size=(3, 3), strides=(1, 1), padding='valid', data_format='channels_last')(x)
        y = MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid')(y)
        Flatten()
    """),
    program("text_rnn", [None, "50", "1", "200"], """
        tokens = Input((None,), dtype='int32')
        Embedding(1000, 32, mask_zero=True)
        Conv1D(32, 5, padding='same', activation='relu')
        Bidirectional(LSTM(16, return_sequences=True))
        GRU(8)
        Dense(3, activation='softmax')
    """),
    program("lstm_states", [None, "12"], """
        x = Input((None, 6))
        seq, h, c = LSTM(4, return_sequences=True, return_state=True)(x)
        y = LSTM(4)(seq, initial_state=[h, c])
        Dense(2)
    """),
    program("transformer_block", [None, "16", "128"], """
        x = Input((None, 32))
        a = MultiHeadAttention(num_heads=4, key_dim=8)(x, x)
        s = Add()([x, a])
        n = LayerNormalization()(s)
        f = Dense(64, activation='gelu')(n)
        f = Dense(32)(f)
        s2 = Add()([n, f])
        LayerNormalization()
        GlobalAveragePooling1D()
        Dense(4)
    """),
    program("attention_scores", [None, "10"], """
        q = Input((None, 16))
        out, scores = MultiHeadAttention(num_heads=2, key_dim=4)(q, q, return_attention_scores=True)
        Dense(1)
    """),
    program("time_distributed_video", [None, "8x32x32", "4x3x3"], """
        v = Input((None, None, None, 3))
        TimeDistributed(Conv2D(8, 3, strides=2, padding='same'))
        TimeDistributed(GlobalAveragePooling2D())
        LSTM(16)
        Dense(2)
    """),
    program("separable_mobile_block", [None, "32x32", "7x7", "3x3"], """
        x = Input((None, None, 16))
        DepthwiseConv2D(3, padding='same')
        BatchNormalization()
        ReLU(6.0)
        Conv2D(32, 1)
        SeparableConv2D(32, 3, strides=2, padding='same')
        Cropping2D(1)
        GlobalMaxPooling2D()
    """),
    program("preprocessing_front", [None, "64x48", "30x30"], """
        img = Input((None, None, 3))
        Rescaling(0.5, offset=-1.0)
        Resizing(32, 32)
        RandomFlip('horizontal')
        CenterCrop(24, 24)
        Conv2D(8, 3)
        Flatten()
        Dense(2)
    """),
    # Aliases report Keras's class (MaxPool1D is MaxPooling1D) in names and class names.
    program("aliases_1d", [None, "32", "5", "2"], """
        x = Input((None, 3))
        Convolution1D(4, 3)
        MaxPool1D()
        AvgPool1D(2)
        GlobalMaxPool1D()
    """),
    program("aliases_2d", [None, "32x32", "3x3"], """
        x = Input((None, None, 3))
        Convolution2D(4, 3)
        MaxPool2D()
        AvgPool2D(2)
        GlobalAvgPool2D()
    """),
    # Layers Keras makes inside MultiHeadAttention (a Softmax and a Dropout, at its first call)
    # take auto-names: the user's Dropout and Softmax after two of them are dropout_2, softmax_2.
    program("mha_sublayer_names", [None, "16", "1"], """
        x = Input((None, 16))
        a = MultiHeadAttention(2, 4)(x, x)
        b = MultiHeadAttention(2, 4)(a, a)
        Dropout(0.1)
        Softmax()
        Dense(4)
    """),
    program("gqa_sublayer_names", [None, "8"], """
        x = Input((None, 16))
        a = GroupQueryAttention(8, 4, 2)(x, x)
        Dropout(0.2)
        Softmax()
    """),
    # A zero-length axis: 'same' padding gives a zero-length output, 'valid' raises.
    program("zero_length_same", [None], """
        x = Input((0, 3))
        Conv1D(4, 3, padding='same')
        MaxPooling1D(2, padding='same')
        AveragePooling1D(3, padding='same')
    """),
    program("zero_length_2d_same", [None, "0x5", "4x0"], """
        x = Input((None, None, 3))
        Conv2D(4, 3, padding='same')
        MaxPooling2D(padding='same')
    """),
    program("zero_length_valid", [None], """
        x = Input((0, 3))
        Conv1D(4, 3, padding='valid')
    """),
    # input_shape= on a layer that is not first: Keras ignores it when called on a tensor.
    program("input_shape_not_first", [None, "10"], """
        x = Input((None,))
        Dense(4)
        Dense(3, input_shape=(7,))
    """),
    # mask= reaches only the layers whose call() takes one; training= every layer.
    program("mask_refused", [None, "x=7 m=7"], """
        x = Input((None, 3))
        m = Input((None,), dtype='bool')
        y = Dense(4)(x, training=True)
        z = Dense(4)(y, mask=m)
    """),
    program("mask_taken", [None, "x=7 m=7"], """
        x = Input((None, 3))
        m = Input((None,), dtype='bool')
        s = LSTM(4, return_sequences=True)(x, mask=m, training=False)
        p = GlobalAveragePooling1D()(s, mask=m)
        q = Softmax()(s, mask=m)
        d = Dropout(0.5)(p, training=True)
        c = Conv1D(2, 3)(x, training=False)
    """),
    # Deferred weights (issue 10): layers whose weights take their size from a dim declared
    # None. Keras raises at the declared shapes; kshape defers them (params as a formula), and
    # every applied size must then match Keras built at that size.
    program("deferred_classifier", [None, "32x32", "28x28", "7x7", "3x3"], """
        x = Input((None, None, 3))
        Conv2D(8, 3)
        MaxPooling2D()
        Flatten()
        Dense(10)
    """),
    program("deferred_channels", [None, "16x16x3", "9x9x1", "12x12x6"], """
        x = Input((None, None, None))
        Conv2D(4, 3, padding='same')
        BatchNormalization()
        DepthwiseConv2D(3, depth_multiplier=2)
        SeparableConv2D(6, 3, padding='same')
        Conv2DTranspose(3, 2, strides=2)
    """),
    program("deferred_input_channels", [None, "16x16x3", "8x8x5"], """
        x = Input((None, None, None))
        DepthwiseConv2D(3)
        LayerNormalization()
        GroupNormalization(groups=1)
        Conv2D(4, 1)
    """),
    program("deferred_grouped", [None, "10x4", "10x6", "10x3"], """
        x = Input((None, None))
        Conv1D(4, 3, groups=2)
        Conv1D(2, 1)
    """),
    program("deferred_features", [None, "5", "17"], """
        x = Input((None,))
        Dense(4)
        Dense(3)
    """),
    program("deferred_norms", [None, "6", "11"], """
        x = Input((None,))
        LayerNormalization()
        PReLU()
        RMSNormalization()
        BatchNormalization()
        Dense(2)
    """),
    program("deferred_recurrent", [None, "7x3", "4x9"], """
        x = Input((None, None))
        LSTM(4, return_sequences=True)
        GRU(3, return_sequences=True)
        SimpleRNN(2)
    """),
    program("deferred_recurrent_first", [None, "7x3", "5x8"], """
        x = Input((None, None))
        a = SimpleRNN(3, return_sequences=True)(x)
        b = GRU(2)(x)
        c = Bidirectional(LSTM(2))(x)
        d = TimeDistributed(Dense(5))(x)
    """),
    program("deferred_attention", [None, "6x8", "3x4"], """
        x = Input((None, None))
        a = MultiHeadAttention(num_heads=2, key_dim=4)(x, x)
        b = EinsumDense('abc,cd->abd', output_shape=(None, 5))(x)
        c = AdditiveAttention()([x, x])
    """),
    program("deferred_flatten_3d", [None, "8x8x8", "6x10x4"], """
        x = Input((None, None, None, 1))
        Conv3D(2, 3)
        Flatten()
        Dense(3)
    """),
    program("deferred_conv_lstm", [None, "3x6x6x2", "2x5x7x1"], """
        x = Input((None, None, None, None))
        ConvLSTM2D(2, 3)
    """),
    program("deferred_global_pool", [None, "20x20", "9x31"], """
        x = Input((None, None, 3))
        Conv2D(4, 3, strides=2)
        Conv2D(8, 3)
        GlobalAveragePooling2D()
        Dense(5)
        Reshape((5, 1))
        Dense(2)
    """),
    program("deferred_reshape_merge", [None, "8x8", "4x12"], """
        x = Input((None, None, 2))
        a = Conv2D(3, 3, padding='same')(x)
        b = Conv2D(3, 1)(x)
        c = Concatenate()([a, b, x])
        d = Reshape((-1,))(c)
        e = Dense(4)(d)
    """),
]
