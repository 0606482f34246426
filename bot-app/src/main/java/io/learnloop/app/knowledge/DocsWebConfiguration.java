package io.learnloop.app.knowledge;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the docs folder at {@code /docs/}, so that citation links work with nothing configured.
 */
@Configuration(proxyBeanMethods = false)
class DocsWebConfiguration implements WebMvcConfigurer {

  private final KnowledgeService knowledge;

  DocsWebConfiguration(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    if (knowledge.docs() != null) {
      registry
          .addResourceHandler("/docs/**")
          .addResourceLocations(knowledge.docs().root().toUri().toString());
    }
  }

  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    // Browsers download text/markdown; plain UTF-8 text they show.
    configurer.mediaType(
        "md", new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
  }
}
