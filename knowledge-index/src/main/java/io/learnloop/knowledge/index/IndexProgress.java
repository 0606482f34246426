package io.learnloop.knowledge.index;

/** Hears how an index update advances, for progress bars and metrics. */
public interface IndexProgress {

  /** The update found {@code documents} documents, of which {@code changed} need (re)indexing. */
  default void started(int documents, int changed) {}

  default void indexed(String source, int chunks) {}

  /** A document was left out; {@code reason} names it and says why. */
  default void skipped(String source, String reason) {}

  IndexProgress NONE = new IndexProgress() {};
}
