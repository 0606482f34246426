package io.learnloop.knowledge.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns passages and questions into vectors with an in-process model; no network, no key. */
public final class Embedder {

  /** The model's id, kept with the index so that a model change triggers a rebuild. */
  public static final String DEFAULT_MODEL_ID = "all-minilm-l6-v2-q";

  private final EmbeddingModel model;
  private final String modelId;
  private final int batchSize;

  public Embedder(EmbeddingModel model, String modelId, int batchSize) {
    this.model = Objects.requireNonNull(model, "model");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.batchSize = batchSize;
  }

  /** The bundled all-MiniLM-L6-v2 (quantized), 384 dimensions. */
  public static Embedder defaultModel() {
    return new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), DEFAULT_MODEL_ID, 32);
  }

  public String modelId() {
    return modelId;
  }

  public int dimensions() {
    return model.dimension();
  }

  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  /** Embeds texts in batches; the model spreads each batch over the available cores. */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int start = 0; start < texts.size(); start += batchSize) {
      List<TextSegment> batch =
          texts.subList(start, Math.min(texts.size(), start + batchSize)).stream()
              .map(TextSegment::from)
              .toList();
      for (Embedding embedding : model.embedAll(batch).content()) {
        vectors.add(embedding.vector());
      }
    }
    return vectors;
  }
}
