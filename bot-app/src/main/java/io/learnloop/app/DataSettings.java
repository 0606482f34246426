package io.learnloop.app;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where LearnLoop keeps what it writes: the embedded Redis data, extracted sample content, indexes.
 *
 * @param dataDir {@code LEARNLOOP_DATA_DIR}, default {@code ./data}
 */
@Validated
@ConfigurationProperties("learnloop")
public record DataSettings(@NotNull Path dataDir) {}
