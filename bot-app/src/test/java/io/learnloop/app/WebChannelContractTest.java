package io.learnloop.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.RecordingChatGateway;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The channel contract through the web chat's real HTTP endpoint, session cookies and history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChannelContractTest extends AppChannelContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
  }

  /** Records what the core sends through the real web gateway. */
  @TestConfiguration
  static class Recording {
    @Bean
    static BeanPostProcessor recordWebReplies() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof ChatGateway gateway && !(bean instanceof RecordingChatGateway)
              ? new RecordingChatGateway(gateway)
              : bean;
        }
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private final Map<String, WebChatClient> browsers = new ConcurrentHashMap<>();

  @Override
  protected String channelName() {
    return "web";
  }

  @Override
  protected ChannelUnderTest channel() {
    return new AppChannel() {
      @Override
      public ChannelUser user(String name) {
        WebChatClient browser = new WebChatClient(port, "en");
        browser.history();
        browsers.put(browser.session(), browser);
        return new ChannelUser("web", "local", browser.session());
      }

      @Override
      public ConversationRef directWith(ChannelUser user) {
        return ConversationRef.direct("web", "local", user.user());
      }

      @Override
      public void deliver(ChannelUser who, ConversationRef where, String deliveryId, Input what) {
        ObjectNode body = JSON.createObjectNode().put("deliveryId", deliveryId);
        if (what instanceof Input.Typed typed) {
          body.put("text", typed.text());
        } else if (what instanceof Input.CommandInvoked command) {
          body.put("command", command.command().word()).put("argument", command.argument());
        } else if (what instanceof Input.ActionInvoked action) {
          ObjectNode pressed = body.putObject("action");
          pressed.put("id", action.actionId()).put("value", action.value());
          action.message().ifPresent(m -> pressed.put("message", m.messageId()));
        }
        var response = browsers.get(who.user()).post(body);
        if (response.statusCode() != 200) {
          throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
      }
    };
  }
}
