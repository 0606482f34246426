package io.learnloop.app.knowledge;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.util.Optional;

/** Builds the configured language model, if any. */
public final class LanguageModels {

  private LanguageModels() {}

  public static Optional<ChatModel> from(KnowledgeSettings.Llm llm) {
    if (!llm.configured()) {
      return Optional.empty();
    }
    return Optional.of(
        OpenAiChatModel.builder()
            .baseUrl(llm.baseUrl())
            .apiKey(llm.apiKey().isBlank() ? "not-needed" : llm.apiKey())
            .modelName(llm.model())
            .timeout(llm.timeout())
            .maxRetries(0)
            // HTTP/1.1: some OpenAI-compatible servers and proxies mishandle the h2c upgrade.
            .httpClientBuilder(
                new JdkHttpClientBuilder()
                    .httpClientBuilder(
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
            .build());
  }
}
