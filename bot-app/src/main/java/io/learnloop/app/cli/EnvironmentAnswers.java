package io.learnloop.app.cli;

import io.learnloop.app.knowledge.KnowledgeSettings;
import io.learnloop.app.knowledge.LanguageModels;
import io.learnloop.knowledge.answer.KnowledgeAnswers;
import io.learnloop.knowledge.answer.LlmAnswerer;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** Answers from an index, with the language model set in LEARNLOOP_LLM_* if any. */
final class EnvironmentAnswers {

  private static final Duration MODEL_BUDGET = Duration.ofSeconds(20);

  private EnvironmentAnswers() {}

  static KnowledgeSettings.Llm languageModel() {
    return new KnowledgeSettings.Llm(
        System.getenv("LEARNLOOP_LLM_BASE_URL"),
        System.getenv("LEARNLOOP_LLM_API_KEY"),
        System.getenv("LEARNLOOP_LLM_MODEL"),
        MODEL_BUDGET);
  }

  /** Which language model answers, or why none does, in one line. */
  static String describeLanguageModel() {
    KnowledgeSettings.Llm llm = languageModel();
    if (llm.configured()) {
      return "language model " + llm.model() + " at " + llm.baseUrl();
    }
    if (!llm.baseUrl().isBlank() || !llm.model().isBlank()) {
      return "no language model: LEARNLOOP_LLM_BASE_URL and LEARNLOOP_LLM_MODEL must both be set";
    }
    return "no language model (LEARNLOOP_LLM_* not set)";
  }

  /**
   * @param calls runs the language model's calls; unused without one. Give it more than one thread:
   *     a call abandoned after its budget may still hold its thread until the HTTP timeout
   */
  static KnowledgeAnswers over(KnowledgeIndex index, ExecutorService calls) {
    return over(new HybridSearcher(index, QueryTranslator.bundled(), Fusion.standard()), calls);
  }

  static KnowledgeAnswers over(HybridSearcher searcher, ExecutorService calls) {
    KnowledgeSettings.Llm llm = languageModel();
    return new KnowledgeAnswers(
        searcher,
        AbstentionModel.calibrated(),
        LanguageModels.from(llm).map(LlmAnswerer::new),
        llm.timeout(),
        calls);
  }
}
