package io.learnloop.app.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param docsDir {@code LEARNLOOP_DOCS_DIR}: the documents to answer from; unset means the content
 *     folder's {@code handbook/}
 * @param indexDir {@code LEARNLOOP_INDEX_DIR}: where the Lucene index lives; unset means {@code
 *     <data dir>/index}
 * @param baseUrl {@code LEARNLOOP_DOCS_BASE_URL}: prefix of citation links; the default {@code
 *     /docs/} is served by this application from the docs folder
 * @param groups who may read documents whose front matter names groups: group → user ids
 */
@ConfigurationProperties("learnloop.knowledge")
public record KnowledgeSettings(
    String docsDir, String indexDir, String baseUrl, Llm llm, Map<String, List<String>> groups) {

  public KnowledgeSettings {
    llm = llm == null ? new Llm("", "", "", Duration.ofSeconds(8)) : llm;
    groups = groups == null ? Map.of() : Map.copyOf(groups);
    baseUrl = baseUrl == null ? "" : baseUrl;
  }

  Optional<Path> docsFolder() {
    return docsDir == null || docsDir.isBlank() ? Optional.empty() : Optional.of(Path.of(docsDir));
  }

  Optional<Path> indexFolder() {
    return indexDir == null || indexDir.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(indexDir));
  }

  /**
   * An OpenAI-compatible chat model (OpenAI, Azure OpenAI, Ollama, vLLM...). Unset base URL or
   * model means no language model: answers are extractive.
   *
   * @param baseUrl {@code LEARNLOOP_LLM_BASE_URL}, including {@code /v1}
   * @param apiKey {@code LEARNLOOP_LLM_API_KEY}; may be empty for local servers
   * @param model {@code LEARNLOOP_LLM_MODEL}
   * @param timeout {@code LEARNLOOP_LLM_TIMEOUT}: after this the answer falls back to extractive
   */
  public record Llm(String baseUrl, String apiKey, String model, Duration timeout) {

    public Llm {
      baseUrl = baseUrl == null ? "" : baseUrl;
      apiKey = apiKey == null ? "" : apiKey;
      model = model == null ? "" : model;
      timeout = timeout == null ? Duration.ofSeconds(8) : timeout;
    }

    public boolean configured() {
      return !baseUrl.isBlank() && !model.isBlank();
    }

    @Override
    public String toString() {
      return "Llm[baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey.isEmpty() ? "" : "***")
          + ", model="
          + model
          + ", timeout="
          + timeout
          + "]";
    }
  }
}
