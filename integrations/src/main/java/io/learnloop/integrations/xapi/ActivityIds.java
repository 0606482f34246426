package io.learnloop.integrations.xapi;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Stable IRIs for what learners do things with, under one base: a URL such as the bot's public
 * address ({@code https://learn.example.com/xapi/items/leave-1}) or a URN ({@code
 * urn:learnloop:item:leave-1}). They must never change once statements were sent: the LRS groups
 * statements by these ids.
 */
public final class ActivityIds {

  public static final String DEFAULT_BASE = "urn:learnloop:";

  private final URI base;

  /**
   * @param base an http(s) URL or a URN ending in ':'
   */
  public ActivityIds(String base) {
    Objects.requireNonNull(base, "base");
    this.base = URI.create(base);
    if (!isUrn()
        && !"http".equals(this.base.getScheme())
        && !"https".equals(this.base.getScheme())) {
      throw new IllegalArgumentException(
          "an activity base is an http(s) URL or a URN such as urn:learnloop: but was '"
              + base
              + "'");
    }
    if (isUrn() && !base.endsWith(":")) {
      throw new IllegalArgumentException(
          "a URN activity base ends with ':' but was '" + base + "'");
    }
  }

  public String item(ItemId item) {
    return iri("item", item.value(), null);
  }

  public String skill(SkillId skill) {
    return iri("skill", skill.value(), null);
  }

  /**
   * @param source a handbook section: {@code path#anchor}
   */
  public String section(String source) {
    int hash = source.indexOf('#');
    return hash < 0
        ? iri("section", source, null)
        : iri("section", source.substring(0, hash), source.substring(hash + 1));
  }

  private boolean isUrn() {
    return "urn".equals(base.getScheme());
  }

  // URI's multi-argument constructors quote what is not allowed, such as spaces in a file name.
  private String iri(String kind, String name, String fragment) {
    try {
      if (isUrn()) {
        return new URI("urn", base.getSchemeSpecificPart() + kind + ":" + name, fragment)
            .toASCIIString();
      }
      String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
      return new URI(
              base.getScheme(),
              base.getAuthority(),
              path + "/xapi/" + kind + "s/" + name,
              null,
              fragment)
          .toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("no IRI for " + kind + " '" + name + "'", e);
    }
  }
}
