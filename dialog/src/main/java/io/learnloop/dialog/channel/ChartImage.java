package io.learnloop.dialog.channel;

import java.util.Objects;

/**
 * A chart drawn on the server, to send beside a reply.
 *
 * @param png the image, PNG-encoded
 * @param fileName what the image is called where a channel shows files, e.g. {@code
 *     team-mastery.png}
 * @param title shown with the image, in the reader's language
 * @param altText what the image shows, for screen readers
 */
public record ChartImage(
    byte[] png, int width, int height, String fileName, String title, String altText) {

  public ChartImage {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(altText, "altText");
    if (png.length == 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("an empty chart: " + width + "x" + height);
    }
  }
}
