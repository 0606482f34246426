package io.learnloop.app.roster;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param file {@code LEARNLOOP_ROSTER_FILE}: the HR export to import at start; unset, the content
 *     folder's {@code roster.csv} when there is one
 */
@ConfigurationProperties("learnloop.roster")
public record RosterSettings(String file) {

  Optional<Path> configured() {
    return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
  }
}
