package io.learnloop.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** A folder tree of documents to index: Markdown, HTML, plain text and PDF. */
public final class DocsFolder {

  private static final Set<String> EXTENSIONS =
      Set.of("md", "markdown", "html", "htm", "txt", "pdf");

  private final Path root;

  private DocsFolder(Path root) {
    this.root = root;
  }

  /**
   * Opens a docs folder after checking that it exists and can be read.
   *
   * @throws DocsFolderException naming the folder when it is missing, not a folder, or unreadable
   */
  public static DocsFolder open(Path root) {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new DocsFolderException("Docs folder " + absolute + " does not exist");
    }
    if (!Files.isDirectory(absolute)) {
      throw new DocsFolderException("Docs folder " + absolute + " is not a folder");
    }
    if (!Files.isReadable(absolute)) {
      throw new DocsFolderException("Docs folder " + absolute + " cannot be read (permissions)");
    }
    return new DocsFolder(absolute);
  }

  public Path root() {
    return root;
  }

  /** Documents of a supported type below the root, sorted by path; hidden folders are skipped. */
  public List<Path> documents() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> !isHidden(root.relativize(path)))
          .filter(DocsFolder::isSupported)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DocsFolderException(
          "Docs folder " + root + " could not be listed: " + e.getMessage());
    }
  }

  /** The path of a document relative to the root, with forward slashes: its source id. */
  public String sourceOf(Path document) {
    return root.relativize(document.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSupported(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
