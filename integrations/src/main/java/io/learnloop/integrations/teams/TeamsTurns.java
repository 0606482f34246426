package io.learnloop.integrations.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the inbound side learns from Teams' activities and the gateway needs when it sends: how to
 * reach each tenant, and which invoke is being answered on this thread (so that the replacement of
 * its card becomes the invoke's response instead of a separate update).
 */
public final class TeamsTurns {

  private final Map<String, TeamsAddress> tenants = new ConcurrentHashMap<>();
  private final ThreadLocal<InvokeResponse> invoke = new ThreadLocal<>();
  private final Optional<String> defaultServiceUrl;
  private final String bot;

  /** Reaches only tenants that have written since the start (local mode, tests). */
  public TeamsTurns() {
    this(Optional.empty(), "");
  }

  /**
   * @param defaultServiceUrl where a tenant nobody from has written since the start is reached
   *     (Teams' global service URL in the public cloud)
   * @param bot the bot's own account id, {@code 28:<app id>}
   */
  public TeamsTurns(Optional<String> defaultServiceUrl, String bot) {
    this.defaultServiceUrl = defaultServiceUrl;
    this.bot = bot;
  }

  /** Remembers how to reach a tenant, from an activity that came from it. */
  void heardFrom(String tenant, TeamsAddress address) {
    tenants.put(tenant, address);
  }

  Optional<TeamsAddress> addressOf(String tenant) {
    TeamsAddress heard = tenants.get(tenant);
    if (heard != null) {
      return Optional.of(heard);
    }
    return defaultServiceUrl.map(url -> new TeamsAddress(url, tenant, bot));
  }

  /**
   * Runs {@code work} as the answer to an invoke on the card {@code activityId}: what it replaces
   * on that card, or tells the presser alone, is collected instead of posted.
   */
  InvokeResponse answeringInvoke(String activityId, Runnable work) {
    InvokeResponse response = new InvokeResponse(activityId);
    invoke.set(response);
    try {
      work.run();
    } finally {
      invoke.remove();
    }
    return response;
  }

  /** The invoke being answered on this thread, if any. */
  Optional<InvokeResponse> answering() {
    return Optional.ofNullable(invoke.get());
  }

  /** What an invoke is answered with: the refreshed card, or a short message, or nothing. */
  static final class InvokeResponse {
    final String activityId;
    private ObjectNode card;
    private String message;

    InvokeResponse(String activityId) {
      this.activityId = activityId;
    }

    Optional<ObjectNode> card() {
      return Optional.ofNullable(card);
    }

    Optional<String> message() {
      return Optional.ofNullable(message);
    }

    /** Takes the card's replacement; false when one was taken already or it is another card. */
    boolean takeCard(String replacedActivityId, ObjectNode replacement) {
      if (card != null || !replacedActivityId.equals(activityId)) {
        return false;
      }
      card = replacement;
      return true;
    }

    /** Takes a short message for the presser; false when the invoke has its answer already. */
    boolean takeMessage(String text) {
      if (card != null || message != null) {
        return false;
      }
      message = text;
      return true;
    }
  }
}
