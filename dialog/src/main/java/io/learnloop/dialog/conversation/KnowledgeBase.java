package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import java.util.Optional;
import java.util.Set;

/** Answers questions from the organisation's own documentation. */
public interface KnowledgeBase {

  /**
   * Answers {@code question} from public documents and those of {@code groups}, in {@code
   * language}. The caller decides the groups from a verified identity.
   *
   * @return empty while the knowledge base cannot answer at all (still indexing, failed to load)
   */
  Optional<KnowledgeAnswer> answer(String question, Set<String> groups, Language language);

  /** A knowledge base that is never ready; the default until documents are indexed. */
  static KnowledgeBase notReady() {
    return (question, groups, language) -> Optional.empty();
  }
}
