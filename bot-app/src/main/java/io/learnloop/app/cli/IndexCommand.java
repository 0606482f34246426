package io.learnloop.app.cli;

import io.learnloop.knowledge.index.KnowledgeIndex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "index",
    description = "Index a docs folder (incremental: only changed files are re-embedded).")
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexOptions options;

  @Override
  public Integer call() throws Exception {
    try (KnowledgeIndex index = options.openUpToDate(System.err)) {
      System.out.printf("%d chunks in %s%n", index.chunks(), index.directory());
    }
    return 0;
  }
}
