import ShapeCore

// The attention family: layers called on a query and a value (and an optional key).

extension Catalog {
  static let attention: [LayerEntry] = [
    LayerEntry(
      className: "MultiHeadAttention", aliases: [], family: "Attention",
      signature: MultiHeadAttention.signature,
      rule: "mha(query, value[, key]) -> query.shape[:-1] + output_shape (default query.shape); "
        + "return_attention_scores=True adds (B, num_heads, T, T), T = query.shape[1]; "
        + "params = (C_q + C_k)*N*key_dim + C_v*N*value_dim + N*value_dim*C_out + biases",
      example: "MultiHeadAttention(num_heads=4, key_dim=16)(q, v)",
      make: { a throws(LayerError) in try MultiHeadAttention(a) }),
    LayerEntry(
      className: "GroupQueryAttention", aliases: [], family: "Attention",
      signature: GroupedQueryAttention.signature,
      rule: "gqa(query, value[, key]) -> query.shape (query and value features equal); "
        + "scores (B, num_query_heads, T, S); num_key_value_heads divides num_query_heads; "
        + "params = C_q*Nq*H + (C_k + C_v)*Nkv*H + Nq*H*C_q + biases",
      example: "GroupQueryAttention(head_dim=16, num_query_heads=8, num_key_value_heads=2)(q, v)",
      make: { a throws(LayerError) in try GroupedQueryAttention(a) },
      pythonClassName: "GroupedQueryAttention"),
    LayerEntry(
      className: "Attention", aliases: [], family: "Attention", signature: Attention.signature,
      rule: "[query, value(, key)] -> query.shape[:-1] + (value.shape[-1],); scores "
        + "query.shape[:-1] + (key.shape[-2],); params: 1 with use_scale, 1 with score_mode='concat'",
      example: "Attention()([q, v])",
      make: { a throws(LayerError) in try Attention(additive: false, a) }),
    LayerEntry(
      className: "AdditiveAttention", aliases: [], family: "Attention",
      signature: Attention.additiveSignature,
      rule: "[query, value(, key)] -> query.shape[:-1] + (value.shape[-1],); scores "
        + "query.shape[:-1] + (key.shape[-2],); params = query.shape[-1] with use_scale",
      example: "AdditiveAttention()([q, v])",
      make: { a throws(LayerError) in try Attention(additive: true, a) }),
  ]
}
