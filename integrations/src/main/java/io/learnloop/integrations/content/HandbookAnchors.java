package io.learnloop.integrations.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

  /** GitHub's rule: lowercase, drop punctuation, spaces become hyphens. */
  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static Set<String> anchorsOf(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Set.of();
    }
    Set<String> anchors = new LinkedHashSet<>();
    boolean inFence = false;
    boolean inFrontMatter = !lines.isEmpty() && lines.get(0).strip().equals("---");
    for (String line : lines.subList(inFrontMatter ? 1 : 0, lines.size())) {
      if (inFrontMatter) {
        inFrontMatter = !line.strip().equals("---");
      } else if (line.startsWith("```") || line.startsWith("~~~")) {
        inFence = !inFence;
      } else if (!inFence && line.matches("#{1,6}\\s+.*")) {
        anchors.add(slug(line.replaceFirst("#{1,6}\\s+", "").replaceFirst("\\s+#+\\s*$", "")));
      }
    }
    return anchors;
  }
}
