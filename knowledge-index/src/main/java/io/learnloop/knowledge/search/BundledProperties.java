package io.learnloop.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the fitted models that ship inside the jar. */
final class BundledProperties {

  private BundledProperties() {}

  static Properties load(String resource) {
    try (InputStream stream = BundledProperties.class.getResourceAsStream(resource)) {
      if (stream == null) {
        throw new IllegalStateException("missing bundled resource " + resource);
      }
      Properties properties = new Properties();
      properties.load(stream);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalStateException naming the key when it is missing
   */
  static double number(Properties properties, String key, String what) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(what + " properties lack '" + key + "'");
    }
    return Double.parseDouble(value.strip());
  }
}
