package io.learnloop.app.slack;

import io.learnloop.app.AppChannelContract;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The channel contract through Slack's real inbound path: signed Events API callbacks, slash
 * commands and block actions to {@code /slack/events} on a real port, Bolt's signature check, the
 * adapter, the core, and the real Block Kit gateway against the Web API played by WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SlackWorkspace.Initializer.class)
@Import(SlackWorkspace.Recording.class)
class SlackChannelContractTest extends AppChannelContract {

  private static final AtomicLong clock = new AtomicLong(1_733_100_000_000L);

  @LocalServerPort int port;

  @Override
  protected String channelName() {
    return "slack";
  }

  @Override
  protected ChannelUnderTest channel() {
    return new AppChannel() {
      @Override
      public ChannelUser user(String name) {
        return new ChannelUser("slack", SlackWorkspace.TEAM, "U" + Math.abs(name.hashCode()));
      }

      @Override
      public ConversationRef directWith(ChannelUser user) {
        return ConversationRef.direct("slack", SlackWorkspace.TEAM, "D" + user.user());
      }

      @Override
      public Optional<ConversationRef> sharedConversation() {
        return Optional.of(
            ConversationRef.shared("slack", SlackWorkspace.TEAM, SlackWorkspace.CHANNEL));
      }

      @Override
      public boolean opensForms() {
        return true;
      }

      @Override
      public Optional<ConversationRef> expertConversation() {
        return Optional.of(
            ConversationRef.shared("slack", SlackWorkspace.TEAM, SlackWorkspace.EXPERTS));
      }

      @Override
      public void deliver(ChannelUser who, ConversationRef where, String deliveryId, Input what) {
        String channel = where.conversation();
        HttpResponse<String> response;
        if (what instanceof Input.ThreadMessage reply) {
          response =
              SlackWorkspace.signedJson(
                  port,
                  SlackWorkspace.eventCallback(
                      "Ev" + deliveryId,
                      SlackWorkspace.threadReply(
                          who.user(),
                          channel,
                          where.thread().orElseThrow(),
                          nextTs(),
                          reply.text())));
        } else if (what instanceof Input.Typed typed) {
          response =
              SlackWorkspace.signedJson(
                  port,
                  SlackWorkspace.eventCallback(
                      "Ev" + deliveryId,
                      SlackWorkspace.directMessage(who.user(), channel, nextTs(), typed.text())));
        } else if (what instanceof Input.CommandInvoked command) {
          response =
              SlackWorkspace.signedForm(
                  port,
                  SlackWorkspace.slashCommand(
                      who.user(),
                      channel,
                      (command.command().word() + " " + command.argument()).strip(),
                      deliveryId));
        } else if (what instanceof Input.ActionInvoked action) {
          String ts = action.message().orElseThrow().messageId();
          String card = action.message().get().conversation().conversation();
          response =
              SlackWorkspace.signedForm(
                  port,
                  SlackWorkspace.blockAction(
                      who.user(),
                      // A press arrives from the conversation the card is in.
                      card,
                      ts,
                      false,
                      action.actionId() + "#0",
                      action.value(),
                      deliveryId));
        } else if (what instanceof Input.FormSubmitted form) {
          response =
              SlackWorkspace.signedForm(
                  port,
                  SlackWorkspace.viewSubmission(
                      who.user(), channel, "V" + deliveryId, form.values()));
        } else {
          throw new IllegalArgumentException("not a Slack input: " + what);
        }
        if (response.statusCode() != 200) {
          throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
      }
    };
  }

  private static String nextTs() {
    long millis = clock.incrementAndGet();
    return (millis / 1000) + "." + String.format("%06d", (millis % 1000) * 1000);
  }
}
