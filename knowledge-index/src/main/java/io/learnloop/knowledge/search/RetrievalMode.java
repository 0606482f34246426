package io.learnloop.knowledge.search;

/** Which signals rank passages: keywords (BM25), embeddings (kNN), or both fused. */
public enum RetrievalMode {
  HYBRID,
  BM25,
  VECTOR
}
