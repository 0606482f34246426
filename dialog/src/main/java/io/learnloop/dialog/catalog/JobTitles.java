package io.learnloop.dialog.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The role a job title, as a chat profile writes it, maps to: the roles' {@code titles} in {@code
 * roles.yaml}. Titles are compared as words: case, accents and punctuation aside ("Risk Analyst",
 * "risk-analyst" and "RISK ANALYST" are the same), a profile's title matches a listed title it
 * equals or contains as whole words ("Senior Risk Analyst, Jakarta" matches "risk analyst";
 * "Riskanalyst" does not). When several match, the longest listed title wins (the most specific),
 * then the role listed first.
 */
public final class JobTitles {

  private record Entry(String words, RoleId role) {}

  private final List<Entry> entries = new ArrayList<>();

  /** The titles of {@code roles}, in their order. */
  public JobTitles(Collection<Role> roles) {
    Objects.requireNonNull(roles, "roles");
    for (Role role : roles) {
      role.titles().forEach(title -> entries.add(new Entry(normalise(title), role.id())));
    }
  }

  /** The role {@code title} maps to; empty when no listed title matches it. */
  public Optional<RoleId> roleFor(String title) {
    String words = " " + normalise(title) + " ";
    if (words.isBlank()) {
      return Optional.empty();
    }
    Entry best = null;
    for (Entry entry : entries) {
      if (words.contains(" " + entry.words() + " ")
          && (best == null || entry.words().length() > best.words().length())) {
        best = entry;
      }
    }
    return Optional.ofNullable(best).map(Entry::role);
  }

  /** {@code title} as lower-case words of letters and digits, one space apart. */
  public static String normalise(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
