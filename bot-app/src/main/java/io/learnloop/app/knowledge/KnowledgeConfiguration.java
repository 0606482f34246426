package io.learnloop.app.knowledge;

import io.learnloop.app.DataSettings;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.conversation.KnowledgeAnswer;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.DocsFolderException;
import io.learnloop.knowledge.answer.KnowledgeAnswers;
import io.learnloop.knowledge.answer.LlmAnswerer;
import io.learnloop.knowledge.index.Chunker;
import io.learnloop.knowledge.index.Embedder;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService knowledgeIndexer() {
    return Executors.newSingleThreadExecutor(named("knowledge-indexer"));
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService languageModelCalls() {
    return Executors.newFixedThreadPool(4, named("llm-call"));
  }

  /** Absent when the docs folder cannot be used; health then says why. */
  @Bean(destroyMethod = "close")
  KnowledgeService knowledgeService(
      KnowledgeSettings settings,
      DataSettings data,
      LearningContent content,
      ExecutorService languageModelCalls) {
    Path docsPath =
        settings.docsFolder().orElse(content.folder().resolve(ContentFolder.HANDBOOK_FOLDER));
    Path indexPath = settings.indexFolder().orElse(data.dataDir().resolve("index"));
    DocsFolder docs;
    try {
      docs = DocsFolder.open(docsPath);
    } catch (DocsFolderException e) {
      log.error("Knowledge index disabled: {}", e.getMessage());
      docs = null;
    }
    String baseUrl = settings.baseUrl().isBlank() ? "/docs/" : settings.baseUrl();
    KnowledgeIndex index =
        docs == null
            ? null
            : KnowledgeIndex.open(indexPath, Embedder.defaultModel(), Chunker.standard(), baseUrl);
    var llm = LanguageModels.from(settings.llm()).map(LlmAnswerer::new);
    llm.ifPresent(
        model ->
            log.info("Answers are written by the language model at {}", settings.llm().baseUrl()));
    KnowledgeService service =
        new KnowledgeService(
            docs,
            index,
            opened ->
                new KnowledgeAnswers(
                    new HybridSearcher(opened, QueryTranslator.bundled(), Fusion.standard()),
                    AbstentionModel.calibrated(),
                    llm,
                    settings.llm().timeout(),
                    languageModelCalls));
    if (docs == null) {
      service.fail("Docs folder " + docsPath.toAbsolutePath().normalize() + " cannot be used");
    }
    return service;
  }

  @Bean
  KnowledgeBase knowledgeBase(KnowledgeService knowledge) {
    return (question, groups, language) ->
        knowledge
            .ask(question, groups, language.code())
            .map(
                answer ->
                    new KnowledgeAnswer(
                        answer.text(),
                        answer.abstained(),
                        answer.citations().stream()
                            .map(
                                c ->
                                    new Citation(
                                        c.source(), c.title(), c.section(), c.url(), c.score()))
                            .toList()));
  }

  /** Named so that the health component is called {@code knowledge}. */
  @Bean
  HealthIndicator knowledgeHealthIndicator(KnowledgeService knowledge) {
    return () ->
        switch (knowledge.state()) {
          case READY ->
              Health.up()
                  .withDetail("state", "ready")
                  .withDetail("chunks", knowledge.chunks())
                  .withDetail("docs", knowledge.docs().root().toString())
                  .build();
          case INDEXING ->
              Health.up()
                  .withDetail("state", "indexing")
                  .withDetail("progress", knowledge.progress())
                  .build();
          case FAILED ->
              Health.down()
                  .withDetail("state", "failed")
                  .withDetail("error", knowledge.problem())
                  .build();
        };
  }

  @Bean
  Gauge knowledgeIndexProgress(MeterRegistry registry, KnowledgeService knowledge) {
    return Gauge.builder(
            "learnloop.knowledge.index.progress", knowledge, KnowledgeService::progress)
        .description("Share of changed documents indexed by the running or last index update")
        .register(registry);
  }

  /** Indexes once the application is ready, so that start-up does not wait for embeddings. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> indexInBackground(
      KnowledgeService knowledge, ExecutorService knowledgeIndexer) {
    return event -> {
      if (knowledge.state() == KnowledgeService.State.INDEXING) {
        knowledgeIndexer.submit(knowledge::update);
      }
    };
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
