package io.learnloop.app.content;

import io.learnloop.dialog.catalog.Catalog;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The content this instance serves, or why it has none. The application keeps running without
 * content so that the health endpoint can say what is wrong.
 */
public final class LearningContent {

  private final Path folder;
  private final Catalog catalog;
  private final int documents;
  private final String problem;

  private LearningContent(Path folder, Catalog catalog, int documents, String problem) {
    this.folder = folder;
    this.catalog = catalog;
    this.documents = documents;
    this.problem = problem;
  }

  static LearningContent loaded(Path folder, Catalog catalog, int documents) {
    return new LearningContent(folder, catalog, documents, null);
  }

  static LearningContent failed(Path folder, String problem) {
    return new LearningContent(folder, null, 0, problem);
  }

  public Path folder() {
    return folder;
  }

  public Optional<Catalog> catalog() {
    return Optional.ofNullable(catalog);
  }

  public int documents() {
    return documents;
  }

  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
