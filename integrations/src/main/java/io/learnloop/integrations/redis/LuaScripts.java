package io.learnloop.integrations.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The Lua scripts bundled beside the Redis stores. */
final class LuaScripts {

  private LuaScripts() {}

  /** The text of {@code name}, a resource in this package. */
  static String load(String name) {
    try (InputStream in = LuaScripts.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    }
  }
}
