package io.learnloop.dialog.quiz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe map that keeps only its latest entries, for what this process remembers. */
final class LatestEntries {

  /** How many entries each such map keeps. */
  static final int REMEMBERED = 10_000;

  private LatestEntries() {}

  static <K, V> Map<K, V> map() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > REMEMBERED;
          }
        });
  }
}
