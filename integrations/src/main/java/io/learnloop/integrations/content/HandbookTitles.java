package io.learnloop.integrations.content;

import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.quiz.DocumentLinks;
import io.learnloop.dialog.quiz.SectionTitles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names handbook sections as a reader sees them, "Annual leave › Carrying days over", from the
 * pages' front matter and headings, read once per page.
 */
public final class HandbookTitles implements SectionTitles {

  private final Path handbook;
  private final Map<Path, HandbookHeadings> pages = new ConcurrentHashMap<>();

  /**
   * @param handbook the folder the sources' paths after {@code handbook/} are relative to
   */
  public HandbookTitles(Path handbook) {
    this.handbook = handbook.toAbsolutePath().normalize();
  }

  @Override
  public Set<String> groupsOf(String document) {
    Path file = handbook.resolve(document).normalize();
    if (!file.startsWith(handbook) || !Files.isRegularFile(file)) {
      return Set.of();
    }
    return pages.computeIfAbsent(file, HandbookHeadings::of).groups();
  }

  @Override
  public Citation cite(String source) {
    Citation plain = DocumentLinks.link(source);
    Path file = handbook.resolve(plain.title()).normalize();
    if (!file.startsWith(handbook) || !Files.isRegularFile(file)) {
      return plain;
    }
    HandbookHeadings page = pages.computeIfAbsent(file, HandbookHeadings::of);
    String title = page.title().orElse(plain.title());
    String section = Optional.ofNullable(page.byAnchor().get(plain.section())).orElse("");
    return new Citation(source, title, section, plain.url(), plain.score());
  }
}
