package io.learnloop.app.access;

import io.learnloop.app.knowledge.KnowledgeSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may read what: document groups from configuration and the API token. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  /** The groups configuration gives; the Slack adapter adds its user groups' to them. */
  @Bean
  ConfiguredAccessGroups accessGroups(KnowledgeSettings settings) {
    return new ConfiguredAccessGroups(settings.groups());
  }

  @Bean
  ApiToken apiToken(@Value("${learnloop.api.token:}") String token) {
    return new ApiToken(token);
  }
}
