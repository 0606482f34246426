package io.learnloop.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.search.AccessScope;
import io.learnloop.knowledge.search.DocumentHit;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import io.learnloop.knowledge.search.RetrievalMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real index on disk with the real in-process embedding model. */
class KnowledgeIndexTest {

  private static Embedder embedder;

  @TempDir Path docs;
  @TempDir Path indexDir;

  @BeforeAll
  static void loadModel() {
    embedder = Embedder.defaultModel();
  }

  @BeforeEach
  void writeDocs() throws Exception {
    write(
        "leave.md",
        "---\ntitle: Annual leave\n---\n# Annual leave\n\n## Carrying days over\n\nYou may carry over up to 5 unused days into the next year.\n");
    write(
        "security/laptop.md",
        "# Lost laptop\n\nIf your laptop is lost or stolen, report it to IT within one hour.\n");
    write(
        "managers/reviews.md",
        "---\ntitle: Performance reviews\ngroups: [people-managers]\n---\n# Performance reviews\n\nCalibration meetings happen every November.\n");
  }

  @Test
  void should_index_only_what_changed_and_remove_what_disappeared() throws Exception {
    try (KnowledgeIndex index = open()) {
      RecordingProgress first = new RecordingProgress();
      IndexReport initial = index.update(DocsFolder.open(docs), first);
      assertThat(initial.indexed()).isEqualTo(3);
      assertThat(first.indexed)
          .containsExactlyInAnyOrder("leave.md", "security/laptop.md", "managers/reviews.md");

      IndexReport unchanged = index.update(DocsFolder.open(docs), IndexProgress.NONE);
      assertThat(unchanged.indexed()).isZero();
      assertThat(unchanged.unchanged()).isEqualTo(3);

      write("leave.md", "# Annual leave\n\nYou may carry over up to 8 unused days.\n");
      Files.delete(docs.resolve("security/laptop.md"));
      RecordingProgress third = new RecordingProgress();
      IndexReport changed = index.update(DocsFolder.open(docs), third);
      assertThat(third.indexed).containsExactly("leave.md");
      assertThat(changed.removed()).isEqualTo(1);
      assertThat(search(index, "lost laptop", AccessScope.publicOnly()))
          .doesNotContain("security/laptop.md");
      assertThat(search(index, "carry over unused days", AccessScope.publicOnly()))
          .first()
          .isEqualTo("leave.md");
    }
  }

  @Test
  void should_keep_the_index_on_disk_across_reopening() throws Exception {
    try (KnowledgeIndex index = open()) {
      index.update(DocsFolder.open(docs), IndexProgress.NONE);
    }
    try (KnowledgeIndex reopened = open()) {
      assertThat(reopened.chunks()).isPositive();
      assertThat(reopened.update(DocsFolder.open(docs), IndexProgress.NONE).indexed()).isZero();
    }
  }

  @Test
  void should_skip_binary_and_corrupt_files_naming_them_and_index_the_rest() throws Exception {
    Files.write(docs.resolve("scan.pdf"), "%PDF-1.4 garbage".getBytes());
    Files.write(docs.resolve("photo.md"), new byte[] {1, 2, 0, 3});
    try (KnowledgeIndex index = open()) {
      RecordingProgress progress = new RecordingProgress();
      IndexReport report = index.update(DocsFolder.open(docs), progress);

      assertThat(report.skipped())
          .hasSize(2)
          .anyMatch(reason -> reason.startsWith("scan.pdf:"))
          .anyMatch(reason -> reason.startsWith("photo.md:"));
      assertThat(progress.skipped).containsExactlyInAnyOrder("scan.pdf", "photo.md");
      assertThat(report.indexed()).isEqualTo(3);
    }
  }

  @Test
  void should_show_group_documents_only_to_their_groups() throws Exception {
    try (KnowledgeIndex index = open()) {
      index.update(DocsFolder.open(docs), IndexProgress.NONE);

      assertThat(search(index, "calibration meetings November", AccessScope.publicOnly()))
          .doesNotContain("managers/reviews.md");
      assertThat(
              search(
                  index,
                  "calibration meetings November",
                  new AccessScope(Set.of("people-managers"))))
          .first()
          .isEqualTo("managers/reviews.md");
    }
  }

  @Test
  void should_find_english_documents_for_indonesian_questions() throws Exception {
    try (KnowledgeIndex index = open()) {
      index.update(DocsFolder.open(docs), IndexProgress.NONE);

      assertThat(
              search(index, "Laptop saya hilang, harus lapor ke siapa?", AccessScope.publicOnly()))
          .first()
          .isEqualTo("security/laptop.md");
    }
  }

  private KnowledgeIndex open() {
    return KnowledgeIndex.open(indexDir, embedder, Chunker.standard(), "");
  }

  private static List<String> search(KnowledgeIndex index, String question, AccessScope scope) {
    return new HybridSearcher(index, QueryTranslator.bundled(), Fusion.standard())
        .search(question, scope, RetrievalMode.HYBRID, 5).documents().stream()
            .map(DocumentHit::source)
            .toList();
  }

  private void write(String name, String text) throws Exception {
    Path file = docs.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static final class RecordingProgress implements IndexProgress {
    final List<String> indexed = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    @Override
    public void indexed(String source, int chunks) {
      indexed.add(source);
    }

    @Override
    public void skipped(String source, String reason) {
      skipped.add(source);
    }
  }
}
