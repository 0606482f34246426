package io.learnloop.app.knowledge;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.answer.Answer;
import io.learnloop.knowledge.answer.KnowledgeAnswers;
import io.learnloop.knowledge.index.IndexProgress;
import io.learnloop.knowledge.index.IndexReport;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AccessScope;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge index of the running bot: brought up to date in the background at start, answering
 * once the first update finished. Until then, and when indexing failed, it says it is not ready.
 */
public final class KnowledgeService {

  /** Where the first index update stands. */
  public enum State {
    INDEXING,
    READY,
    FAILED
  }

  private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

  private final DocsFolder docs;
  private final KnowledgeIndex index;
  private final Function<KnowledgeIndex, KnowledgeAnswers> answersFactory;
  private final AtomicReference<State> state = new AtomicReference<>(State.INDEXING);
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private volatile KnowledgeAnswers answers;
  private volatile String problem = "";
  private volatile IndexReport lastReport;

  KnowledgeService(
      DocsFolder docs,
      KnowledgeIndex index,
      Function<KnowledgeIndex, KnowledgeAnswers> answersFactory) {
    this.docs = docs;
    this.index = index;
    this.answersFactory = answersFactory;
  }

  void fail(String reason) {
    problem = reason;
    state.set(State.FAILED);
  }

  /** Brings the index up to date; runs on the indexing thread. */
  void update() {
    try {
      lastReport =
          index.update(
              docs,
              new IndexProgress() {
                @Override
                public void started(int documents, int changed) {
                  total.set(changed);
                  done.set(0);
                }

                @Override
                public void indexed(String source, int chunks) {
                  done.incrementAndGet();
                }

                @Override
                public void skipped(String source, String reason) {
                  done.incrementAndGet();
                }
              });
      answers = answersFactory.apply(index);
      state.set(State.READY);
      log.info(
          "Knowledge index ready: {} documents ({} indexed, {} unchanged, {} skipped) in {} ms",
          lastReport.documents(),
          lastReport.indexed(),
          lastReport.unchanged(),
          lastReport.skipped().size(),
          lastReport.millis());
    } catch (RuntimeException e) {
      problem = e.getMessage();
      state.set(State.FAILED);
      log.error("Knowledge index failed: {}", e.getMessage());
    }
  }

  /**
   * Answers from public documents and those of {@code groups}, which the caller decided from a
   * verified identity.
   *
   * @return empty while the index is not ready
   * @throws IllegalArgumentException for an empty or overlong question
   */
  public Optional<Answer> ask(String question, Set<String> groups, String language) {
    if (state.get() != State.READY) {
      return Optional.empty();
    }
    return Optional.of(answers.ask(question, new AccessScope(groups), language));
  }

  public State state() {
    return state.get();
  }

  /** Share of changed documents processed by the running or last update, from 0 to 1. */
  public double progress() {
    if (state.get() == State.READY) {
      return 1;
    }
    int all = total.get();
    return all == 0 ? 0 : done.get() / (double) all;
  }

  public String problem() {
    return problem;
  }

  public Optional<IndexReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  public int chunks() {
    return index == null ? 0 : index.chunks();
  }

  void close() throws java.io.IOException {
    if (index != null) {
      index.close();
    }
  }

  public DocsFolder docs() {
    return docs;
  }
}
