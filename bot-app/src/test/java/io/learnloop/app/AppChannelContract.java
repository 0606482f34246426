package io.learnloop.app;

import io.learnloop.dialog.channel.ChannelContract;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learners;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The channel contract against the whole application: the core is the application's, the adapter
 * under test is reached through its real inbound path and its replies are recorded on their way out
 * through its real gateway.
 */
public abstract class AppChannelContract extends ChannelContract {

  @Autowired private List<ChatGateway> gateways;
  @Autowired private Assistant assistant;
  @Autowired private AnswerLog answers;
  @Autowired private Learners learners;
  @Autowired private TestRestTemplate http;

  /** The channel the adapter under test serves, e.g. {@code teams}. */
  protected abstract String channelName();

  @BeforeEach
  void awaitIndex() {
    TestDataDir.awaitKnowledgeReady(http);
  }

  /** What the application provides to every adapter's {@link ChannelUnderTest}. */
  protected abstract class AppChannel implements ChannelUnderTest {

    private final RecordingChatGateway recording =
        gateways.stream()
            .filter(g -> g.channel().equals(channelName()))
            .map(RecordingChatGateway.class::cast)
            .findFirst()
            .orElseThrow();

    @Override
    public RecordingChatGateway gateway() {
      return recording;
    }

    @Override
    public Assistant assistant() {
      return assistant;
    }

    @Override
    public AnswerLog answers() {
      return answers;
    }

    @Override
    public Learners learners() {
      return learners;
    }

    @Override
    public String answerableQuestion() {
      return "How many annual leave days can I carry over?";
    }
  }
}
