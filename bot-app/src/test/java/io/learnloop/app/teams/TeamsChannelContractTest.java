package io.learnloop.app.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.app.AppChannelContract;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The channel contract through Teams' real inbound path: activities with signed Bot Connector
 * tokens to {@code /api/messages} on a real port, the Bot Framework adapter's authentication, the
 * adapter, the core, and the real Adaptive Card gateway against the Bot Connector played by
 * WireMock. Commands are typed, as Teams users type them; buttons are {@code Action.Execute}
 * invokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TeamsTenant.Initializer.class)
@Import(TeamsTenant.TestCredentials.class)
class TeamsChannelContractTest extends AppChannelContract {

  @LocalServerPort int port;

  @BeforeEach
  void startConnector() {
    TeamsTenant.connector();
  }

  @Override
  protected String channelName() {
    return "teams";
  }

  @Override
  protected ChannelUnderTest channel() {
    return new AppChannel() {
      @Override
      public ChannelUser user(String name) {
        return new ChannelUser("teams", TeamsTenant.TENANT, TeamsTenant.user(name));
      }

      @Override
      public ConversationRef directWith(ChannelUser user) {
        return ConversationRef.direct(
            "teams", TeamsTenant.TENANT, TeamsTenant.personalConversation(user.user()));
      }

      @Override
      public Optional<ConversationRef> sharedConversation() {
        return Optional.of(
            ConversationRef.shared("teams", TeamsTenant.TENANT, TeamsTenant.CHANNEL_CONVERSATION));
      }

      @Override
      public boolean opensForms() {
        return true;
      }

      @Override
      public Optional<ConversationRef> expertConversation() {
        return Optional.of(
            ConversationRef.shared("teams", TeamsTenant.TENANT, TeamsTenant.EXPERTS_CHANNEL));
      }

      @Override
      public void deliver(ChannelUser who, ConversationRef where, String deliveryId, Input what) {
        boolean personal = !where.shared();
        ObjectNode activity;
        if (what instanceof Input.ThreadMessage reply) {
          // A reply in a reply chain, without an @mention: Teams sends it with RSC.
          activity =
              TeamsTenant.message(
                  deliveryId,
                  who.user(),
                  where.conversation() + ";messageid=" + where.thread().orElseThrow(),
                  false,
                  reply.text());
        } else if (what instanceof Input.Typed typed) {
          activity =
              TeamsTenant.message(
                  deliveryId, who.user(), where.conversation(), personal, typed.text());
        } else if (what instanceof Input.CommandInvoked command) {
          String text = (command.command().word() + " " + command.argument()).strip();
          activity =
              TeamsTenant.message(
                  deliveryId,
                  who.user(),
                  where.conversation(),
                  personal,
                  personal ? text : "<at>LearnLoop</at> " + text);
        } else if (what instanceof Input.ActionInvoked action) {
          String card = action.message().orElseThrow().messageId();
          String conversation = action.message().get().conversation().conversation();
          activity =
              TeamsTenant.execute(
                  deliveryId,
                  who.user(),
                  conversation,
                  !action.message().get().conversation().shared(),
                  card,
                  action.actionId(),
                  TeamsTenant.data(action.actionId(), "value", action.value()));
        } else if (what instanceof Input.FormSubmitted form) {
          ObjectNode data = TeamsTenant.data("settings.save", "time", "");
          form.values().forEach(data::put);
          activity =
              TeamsTenant.execute(
                  deliveryId,
                  who.user(),
                  where.conversation(),
                  personal,
                  form.message().orElseThrow().messageId(),
                  "settings.save",
                  data);
        } else {
          throw new IllegalArgumentException("not a Teams input: " + what);
        }
        HttpResponse<String> response = TeamsTenant.send(port, activity, TeamsTenant.token());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
          throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
      }
    };
  }
}
