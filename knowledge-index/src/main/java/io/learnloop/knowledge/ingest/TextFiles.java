package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reading text documents strictly: binary or mis-encoded files are refused, not indexed as noise.
 */
final class TextFiles {

  private static final Pattern TEMPLATE_TAGS =
      Pattern.compile("\\{%.*?%}|\\{\\{.*?}}", Pattern.DOTALL);

  private TextFiles() {}

  static String readUtf8(Path file, String source) throws IOException, UnreadableDocumentException {
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        throw new UnreadableDocumentException(
            source + ": binary content (NUL bytes), not a text document");
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableDocumentException(source + ": not UTF-8 text", e);
    }
  }

  /** Removes Liquid/Jekyll/Nunjucks template tags, which are markup, not content. */
  static String withoutTemplateTags(String text) {
    return TEMPLATE_TAGS.matcher(text).replaceAll("");
  }

  static String titleFromFileName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String spaced = base.replace('-', ' ').replace('_', ' ').strip();
    return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
