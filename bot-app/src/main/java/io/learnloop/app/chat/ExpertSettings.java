package io.learnloop.app.chat;

import io.learnloop.dialog.escalation.ExpertChannels;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the experts read the questions people pass on with "Ask a person": {@code
 * learnloop.experts.<topic>.<channel>} is the experts' conversation on that channel (a Slack
 * channel id, a Teams channel id) for a topic (a skill id of {@code roles.yaml}, a folder of the
 * docs, or {@code default}), e.g. {@code LEARNLOOP_EXPERTS_DEFAULT_SLACK=C0123ABCD}.
 *
 * @param experts topic → channel → conversation id; none configured means no "Ask a person"
 */
@ConfigurationProperties("learnloop")
public record ExpertSettings(Map<String, Map<String, String>> experts) {

  public ExpertSettings {
    experts = experts == null ? Map.of() : Map.copyOf(experts);
  }

  ExpertChannels channels() {
    return new ExpertChannels(experts);
  }
}
