package io.learnloop.app.content;

import io.learnloop.app.DataSettings;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.integrations.content.ContentFileException;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.DocsFolderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);
  private static final String BUNDLED = "sample-content/";

  @Bean
  LearningContent learningContent(ContentSettings settings, DataSettings data) {
    Path folder = settings.folder().orElseGet(() -> defaultFolder(data.dataDir()));
    try {
      Catalog catalog = new ContentFolder(folder).load();
      int documents =
          DocsFolder.open(folder.resolve(ContentFolder.HANDBOOK_FOLDER)).documents().size();
      log.info(
          "Loaded content from {}: {} handbook documents, {} quiz items, {} skills, {} roles",
          folder.toAbsolutePath().normalize(),
          documents,
          catalog.items().size(),
          catalog.skills().size(),
          catalog.roles().size());
      return LearningContent.loaded(folder, catalog, documents);
    } catch (ContentFileException | DocsFolderException e) {
      log.error("Content not loaded: {}", e.getMessage());
      return LearningContent.failed(folder, e.getMessage());
    }
  }

  /** Named so that the health component is called {@code content}. */
  @Bean
  HealthIndicator contentHealthIndicator(LearningContent content) {
    Health.Builder health =
        content
            .catalog()
            .map(
                catalog ->
                    Health.up()
                        .withDetail("documents", content.documents())
                        .withDetail("items", catalog.items().size())
                        .withDetail("skills", catalog.skills().size())
                        .withDetail("roles", catalog.roles().size()))
            .orElseGet(() -> Health.down().withDetail("error", content.problem().orElseThrow()));
    Health result =
        health
            .withDetail("folder", content.folder().toAbsolutePath().normalize().toString())
            .build();
    return () -> result;
  }

  private static Path defaultFolder(Path dataDir) {
    Path working = Path.of("content");
    if (Files.isRegularFile(working.resolve(ContentFolder.QUIZ_BANK_FILE))) {
      return working;
    }
    return extractBundled(dataDir.resolve("sample-content"));
  }

  /** Copies the sample content out of the jar, so that the jar runs from any folder. */
  private static Path extractBundled(Path target) {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUNDLED + "**/*");
      for (Resource resource : resources) {
        String url = resource.getURL().toString();
        String relative = url.substring(url.lastIndexOf(BUNDLED) + BUNDLED.length());
        if (relative.isEmpty() || relative.endsWith("/") || !resource.isReadable()) {
          continue;
        }
        Path file = target.resolve(relative).normalize();
        Files.createDirectories(file.getParent());
        try (var in = resource.getInputStream()) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not extract the bundled sample content to " + target, e);
    }
  }
}
