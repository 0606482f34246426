package io.learnloop.integrations.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.escalation.Escalation;
import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.escalation.EscalationsUnavailableException;
import io.learnloop.dialog.i18n.Language;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Escalations shared by every instance, each a JSON value with its time to live: an offer in {@code
 * learnloop:escalation:{<offer id>}:offer}, its claim beside it in {@code ...:claim} ({@code SET NX
 * PX}, so of two presses on two instances one posts), and a posted escalation in {@code
 * learnloop:escalation-thread:{<thread>}}. An offer's two keys share a hash tag, so they live in
 * one cluster slot; {@code learnloop:escalations-of:{<asker>}} lists an asker's keys for forget-me.
 */
public final class RedisEscalations implements Escalations {

  static final String OFFER_PREFIX = "learnloop:escalation:";
  static final String THREAD_PREFIX = "learnloop:escalation-thread:";
  static final String ASKER_PREFIX = "learnloop:escalations-of:";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RedisConnector redis;

  public RedisEscalations(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void offer(String offerId, Escalation escalation, Duration keep) {
    Escalations.checkOffer(offerId, keep);
    keep("keep an escalation offer", offerKey(offerId), escalation, keep);
  }

  @Override
  public Optional<Escalation> offered(String offerId) {
    if (!Escalations.wellFormed(offerId)) {
      return Optional.empty();
    }
    return find("read an escalation offer", offerKey(offerId));
  }

  @Override
  public boolean claim(String offerId) {
    if (!Escalations.wellFormed(offerId)) {
      return false;
    }
    // The claim lasts as long as the offer it claims.
    long left = run("claim an escalation offer", () -> redis.sync().pttl(offerKey(offerId)));
    if (left <= 0) {
      return false;
    }
    String reply =
        run(
            "claim an escalation offer",
            () -> redis.sync().set(claimKey(offerId), "1", SetArgs.Builder.nx().px(left)));
    return "OK".equals(reply);
  }

  @Override
  public void release(String offerId) {
    if (Escalations.wellFormed(offerId)) {
      run("release an escalation offer", () -> redis.sync().del(claimKey(offerId)));
    }
  }

  @Override
  public void posted(String thread, Escalation escalation, Duration keep) {
    Escalations.check(thread, keep);
    keep("remember a posted escalation", threadKey(thread), escalation, keep);
  }

  @Override
  public Optional<Escalation> inThread(String thread) {
    if (thread == null || thread.isEmpty() || thread.length() > 1200) {
      return Optional.empty();
    }
    return find("read a posted escalation", threadKey(thread));
  }

  // Each key is also listed under its asker, so that forget-me finds it; the list lives as long
  // as the longest-kept of its keys.
  private void keep(String what, String key, Escalation escalation, Duration keep) {
    String value = write(escalation);
    String index = askerKey(escalation.asker());
    run(
        what,
        () -> {
          redis.sync().set(key, value, SetArgs.Builder.px(keep.toMillis()));
          redis.sync().sadd(index, key);
          long left = redis.sync().pttl(index);
          return left >= keep.toMillis() ? null : redis.sync().pexpire(index, keep.toMillis());
        });
  }

  @Override
  public void forget(ChannelUser asker) {
    String index = askerKey(asker);
    run(
        "forget the escalations of " + asker,
        () -> {
          // One key at a time: they live in the slots of their own offers and threads.
          for (String key : redis.sync().smembers(index)) {
            redis.sync().del(key);
            if (key.endsWith(":offer")) {
              redis.sync().del(key.substring(0, key.length() - ":offer".length()) + ":claim");
            }
          }
          return redis.sync().del(index);
        });
  }

  private Optional<Escalation> find(String what, String key) {
    return Optional.ofNullable(run(what, () -> redis.sync().get(key))).map(RedisEscalations::read);
  }

  static String askerKey(ChannelUser asker) {
    return ASKER_PREFIX + "{" + asker.key() + "}";
  }

  static String offerKey(String offerId) {
    return OFFER_PREFIX + "{" + offerId + "}:offer";
  }

  static String claimKey(String offerId) {
    return OFFER_PREFIX + "{" + offerId + "}:claim";
  }

  static String threadKey(String thread) {
    return THREAD_PREFIX + "{" + thread + "}";
  }

  private static String write(Escalation escalation) {
    ObjectNode json = JSON.createObjectNode();
    json.put("asker", escalation.asker().key());
    ConversationRef in = escalation.askedIn();
    ObjectNode askedIn = json.putObject("askedIn");
    askedIn.put("channel", in.channel());
    askedIn.put("workspace", in.workspace());
    askedIn.put("conversation", in.conversation());
    in.thread().ifPresent(t -> askedIn.put("thread", t));
    askedIn.put("visibility", in.visibility().name());
    askedIn.put("address", in.address());
    json.put("language", escalation.language().code());
    json.put("question", escalation.question());
    ArrayNode sources = json.putArray("sources");
    for (Citation c : escalation.sources()) {
      sources
          .addObject()
          .put("source", c.source())
          .put("title", c.title())
          .put("section", c.section())
          .put("url", c.url())
          .put("score", c.score());
    }
    json.put("publicSourcesOnly", escalation.publicSourcesOnly());
    json.put("experts", escalation.experts());
    return json.toString();
  }

  private static Escalation read(String value) {
    try {
      JsonNode json = JSON.readTree(value);
      String[] asker = json.path("asker").asText().split(":", 3);
      JsonNode in = json.path("askedIn");
      List<Citation> sources = new ArrayList<>();
      for (JsonNode c : json.path("sources")) {
        sources.add(
            new Citation(
                c.path("source").asText(),
                c.path("title").asText(),
                c.path("section").asText(),
                c.path("url").asText(),
                c.path("score").asDouble()));
      }
      return new Escalation(
          new ChannelUser(asker[0], asker[1], asker[2]),
          new ConversationRef(
              in.path("channel").asText(),
              in.path("workspace").asText(),
              in.path("conversation").asText(),
              in.hasNonNull("thread") ? Optional.of(in.get("thread").asText()) : Optional.empty(),
              ConversationRef.Visibility.valueOf(in.path("visibility").asText()),
              in.path("address").asText()),
          Language.fromCode(json.path("language").asText()),
          json.path("question").asText(),
          sources,
          json.path("publicSourcesOnly").asBoolean(),
          json.path("experts").asText());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new EscalationsUnavailableException("An escalation in Redis cannot be read", e);
    }
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new EscalationsUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
