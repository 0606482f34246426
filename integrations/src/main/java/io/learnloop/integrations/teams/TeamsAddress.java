package io.learnloop.integrations.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * What the Bot Connector needs to reach a conversation without an inbound activity: the regional
 * service URL the activity came from, the tenant and the bot's own account id. Kept as JSON in
 * {@link io.learnloop.dialog.channel.ConversationRef#address()}, so stored conversation references
 * survive restarts without any Bot Framework type in the core.
 */
public record TeamsAddress(String serviceUrl, String tenant, String bot) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TeamsAddress {
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(bot, "bot");
    if (!serviceUrl.startsWith("https://") && !serviceUrl.startsWith("http://")) {
      throw new IllegalArgumentException("a service URL is an http(s) URL");
    }
    serviceUrl = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
  }

  public String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws IllegalArgumentException when {@code json} is not an address this adapter wrote
   */
  public static TeamsAddress parse(String json) {
    try {
      return JSON.readValue(json, TeamsAddress.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a Teams conversation address", e);
    }
  }
}
