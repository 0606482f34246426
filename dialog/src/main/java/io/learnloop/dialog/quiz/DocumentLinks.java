package io.learnloop.dialog.quiz;

import io.learnloop.dialog.channel.Citation;

/**
 * Where the app serves a handbook section, and which document a source names: {@code
 * handbook/annual-leave.md#carrying-days-over} and {@code annual-leave.md} name the same document.
 */
public final class DocumentLinks {

  private DocumentLinks() {}

  /** The section as a citation: {@code /docs/} and the part after {@code handbook/}. */
  public static Citation link(String source) {
    String path = relative(source);
    String document = document(source);
    String section = path.length() > document.length() ? path.substring(document.length() + 1) : "";
    return new Citation(source, document, section, "/docs/" + path, 1);
  }

  /** The document a source names, relative to the docs root and without the section. */
  public static String document(String source) {
    String path = relative(source);
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }

  // The handbook folder is the root of the docs the app serves.
  private static String relative(String source) {
    return source.startsWith("handbook/") ? source.substring("handbook/".length()) : source;
  }
}
