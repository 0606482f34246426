package io.learnloop.integrations.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A handbook page's title (front matter) and its headings by GitHub-style anchor. */
record HandbookHeadings(Optional<String> title, Set<String> groups, Map<String, String> byAnchor) {

  static HandbookHeadings of(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new HandbookHeadings(Optional.empty(), Set.of(), Map.of());
    }
    Map<String, String> headings = new LinkedHashMap<>();
    Optional<String> title = Optional.empty();
    Set<String> groups = new LinkedHashSet<>();
    boolean inFence = false;
    boolean inFrontMatter = !lines.isEmpty() && lines.get(0).strip().equals("---");
    for (String line : lines.subList(inFrontMatter ? 1 : 0, lines.size())) {
      if (inFrontMatter) {
        inFrontMatter = !line.strip().equals("---");
        if (inFrontMatter && line.startsWith("title:")) {
          title = Optional.of(line.substring(6).strip().replaceAll("^[\"']|[\"']$", ""));
        }
        if (inFrontMatter && line.startsWith("groups:")) {
          for (String group : line.substring(7).replaceAll("[\\[\\]\"']", "").split(",")) {
            if (!group.isBlank()) {
              groups.add(group.strip());
            }
          }
        }
      } else if (line.startsWith("```") || line.startsWith("~~~")) {
        inFence = !inFence;
      } else if (!inFence && line.matches("#{1,6}\\s+.*")) {
        String heading = line.replaceFirst("#{1,6}\\s+", "").replaceFirst("\\s+#+\\s*$", "");
        headings.putIfAbsent(slug(heading), heading.strip());
      }
    }
    return new HandbookHeadings(title, Set.copyOf(groups), headings);
  }

  /** GitHub's rule: lowercase, drop punctuation, spaces become hyphens. */
  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
