package io.learnloop.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** A fresh data folder for one Spring test context, so contexts never share an embedded Redis. */
public final class TestDataDir {

  private TestDataDir() {}

  public static String create() {
    try {
      return Files.createTempDirectory("learnloop-data").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
