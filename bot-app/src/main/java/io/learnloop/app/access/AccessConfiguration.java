package io.learnloop.app.access;

import io.learnloop.app.knowledge.KnowledgeSettings;
import io.learnloop.dialog.channel.AccessGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may read what: document groups from configuration and the API token. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  AccessGroups accessGroups(KnowledgeSettings settings) {
    return new ConfiguredAccessGroups(settings.groups());
  }

  @Bean
  ApiToken apiToken(@Value("${learnloop.api.token:}") String token) {
    return new ApiToken(token);
  }
}
