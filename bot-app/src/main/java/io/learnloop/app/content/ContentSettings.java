package io.learnloop.app.content;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir {@code LEARNLOOP_CONTENT_DIR}: the folder with {@code handbook/}, {@code roles.yaml}
 *     and {@code quiz-bank.yaml}. When unset, {@code ./content} if it exists, else the sample
 *     content bundled in the jar, extracted under the data folder.
 */
@ConfigurationProperties("learnloop.content")
public record ContentSettings(String dir) {

  /** The configured folder; empty when unset (an empty string is unset, not the working folder). */
  Optional<Path> folder() {
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }
}
