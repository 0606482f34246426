package io.learnloop.integrations.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks links such as {@code handbook/leave.md#carrying-days-over} against the files' headings.
 */
final class HandbookAnchors {

  private final Path root;
  private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

  HandbookAnchors(Path root) {
    this.root = root;
  }

  /** Returns what is wrong with the link, or empty when it points at an existing heading. */
  Optional<String> check(String link) {
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.of("source '" + link + "' names a file that does not exist: " + file);
    }
    if (hash < 0) {
      return Optional.empty();
    }
    String anchor = link.substring(hash + 1);
    Set<String> anchors = anchorsByFile.computeIfAbsent(file, HandbookAnchors::anchorsOf);
    if (!anchors.contains(anchor)) {
      return Optional.of(
          "source '"
              + link
              + "': no heading with anchor '"
              + anchor
              + "' in "
              + path
              + " (anchors there: "
              + String.join(", ", anchors)
              + ")");
    }
    return Optional.empty();
  }

  private static Set<String> anchorsOf(Path file) {
    return new LinkedHashSet<>(HandbookHeadings.of(file).byAnchor().keySet());
  }
}
