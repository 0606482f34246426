package io.learnloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsFolderTest {

  @TempDir Path root;

  @Test
  void should_list_supported_documents_sorted_and_skip_hidden_folders() throws Exception {
    Files.createDirectories(root.resolve("leave"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("leave/annual.md"), "# Annual leave");
    Files.writeString(root.resolve("expenses.HTML"), "<h1>Expenses</h1>");
    Files.writeString(root.resolve("notes.txt"), "notes");
    Files.writeString(root.resolve("logo.png"), "not a document");
    Files.writeString(root.resolve(".git/config"), "[core]");
    Files.writeString(root.resolve(".git/readme.md"), "hidden");

    DocsFolder docs = DocsFolder.open(root);

    assertThat(docs.documents())
        .extracting(docs::sourceOf)
        .containsExactly("expenses.HTML", "leave/annual.md", "notes.txt");
  }

  @Test
  void should_name_a_missing_folder() {
    Path missing = root.resolve("nope");
    assertThatThrownBy(() -> DocsFolder.open(missing))
        .isInstanceOf(DocsFolderException.class)
        .hasMessage("Docs folder " + missing + " does not exist");
  }

  @Test
  void should_refuse_a_file_as_docs_folder() throws Exception {
    Path file = Files.writeString(root.resolve("a.md"), "# A");
    assertThatThrownBy(() -> DocsFolder.open(file)).hasMessageEndingWith("is not a folder");
  }
}
