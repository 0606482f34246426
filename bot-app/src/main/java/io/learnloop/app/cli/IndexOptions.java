package io.learnloop.app.cli;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.index.Chunker;
import io.learnloop.knowledge.index.Embedder;
import io.learnloop.knowledge.index.IndexProgress;
import io.learnloop.knowledge.index.IndexReport;
import io.learnloop.knowledge.index.KnowledgeIndex;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Option;

/** The options every command that reads a docs folder shares, and opening its index. */
final class IndexOptions {

  @Option(
      names = "--docs",
      required = true,
      description = "Folder of Markdown, HTML, text and PDF documents.")
  Path docs;

  @Option(
      names = "--index-dir",
      description =
          "Where the index lives (default: a folder per docs folder under $LEARNLOOP_DATA_DIR/indexes, ./data if unset).")
  Path indexDir;

  @Option(
      names = "--base-url",
      defaultValue = "",
      description = "Prefix of document URLs in citations.")
  String baseUrl;

  DocsFolder folder() {
    return DocsFolder.open(docs);
  }

  Path indexDirectory() {
    if (indexDir != null) {
      return indexDir;
    }
    String dataDir = System.getenv().getOrDefault("LEARNLOOP_DATA_DIR", "data");
    return Path.of(dataDir, "indexes", folderKey(docs.toAbsolutePath().normalize()));
  }

  /** Opens the index and brings it up to date, with a progress bar on stderr. */
  KnowledgeIndex openUpToDate(PrintStream err) {
    DocsFolder folder = folder();
    KnowledgeIndex index =
        KnowledgeIndex.open(indexDirectory(), Embedder.defaultModel(), Chunker.standard(), baseUrl);
    IndexReport report;
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
            .setUnit(" docs", 1)
            .build()) {
      report =
          index.update(
              folder,
              new IndexProgress() {
                @Override
                public void started(int documents, int changed) {
                  bar.maxHint(changed);
                }

                @Override
                public void indexed(String source, int chunks) {
                  bar.step();
                }

                @Override
                public void skipped(String source, String reason) {
                  bar.step();
                }
              });
    }
    err.printf(
        "Index %s: %d documents (%d indexed, %d unchanged, %d removed, %d skipped), %d new chunks, %d ms%n",
        index.directory(),
        report.documents(),
        report.indexed(),
        report.unchanged(),
        report.removed(),
        report.skipped().size(),
        report.chunks(),
        report.millis());
    report.skipped().forEach(reason -> err.println("  skipped " + reason));
    return index;
  }

  private static String folderKey(Path folder) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(folder.toString().getBytes(StandardCharsets.UTF_8));
      String name =
          folder.getFileName() == null
              ? "root"
              : folder.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      return name + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
