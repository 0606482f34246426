package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import java.util.Optional;

/** Answers questions from the organisation's own documentation. */
public interface KnowledgeBase {

  /**
   * Answers {@code question} with what {@code asker} may read, in {@code language}.
   *
   * @return empty while the knowledge base cannot answer at all (still indexing, failed to load)
   */
  Optional<KnowledgeAnswer> answer(String question, String asker, Language language);

  /** A knowledge base that is never ready; the default until documents are indexed. */
  static KnowledgeBase notReady() {
    return (question, asker, language) -> Optional.empty();
  }
}
