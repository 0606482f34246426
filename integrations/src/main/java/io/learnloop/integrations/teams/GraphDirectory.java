package io.learnloop.integrations.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.microsoft.bot.connector.authentication.AppCredentials;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.integrations.HttpClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TeamsDirectory} from Microsoft Graph, with the bot's own app credentials (application
 * permission {@code User.Read.All}): {@code GET /v1.0/users/{id}?$select=jobTitle,department} and
 * {@code GET /v1.0/users/{id}/manager?$select=id,mail,userPrincipalName} (404: no manager). Only
 * people of the bot's own tenant are looked up. Each person once an hour at most; a failure (no
 * permission, Graph down or slow) is one log line, gives no job and is tried again after five
 * minutes.
 */
public final class GraphDirectory implements TeamsDirectory {

  /** Microsoft Graph's v1.0 endpoint. */
  public static final String GRAPH = "https://graph.microsoft.com/v1.0/";

  static final Duration KEEP = Duration.ofHours(1);
  static final Duration KEEP_FAILED = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(GraphDirectory.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F-]{36}");

  /** A look-up's outcome; a failed one is kept for a shorter while. */
  private record Lookup(ProfileHints.Work work, boolean failed) {}

  private final Supplier<CompletableFuture<String>> token;
  private final String graph;
  private final String tenant;
  private final Duration timeout;
  private final HttpClient http;
  private final AsyncCache<String, Lookup> known =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfter(
              new Expiry<String, Lookup>() {
                @Override
                public long expireAfterCreate(String key, Lookup value, long now) {
                  return (value.failed() ? KEEP_FAILED : KEEP).toNanos();
                }

                @Override
                public long expireAfterUpdate(String key, Lookup value, long now, long left) {
                  return expireAfterCreate(key, value, now);
                }

                @Override
                public long expireAfterRead(String key, Lookup value, long now, long left) {
                  return left;
                }
              })
          .buildAsync();

  /**
   * @param credentials the bot's credentials for {@link TeamsAdapters#GRAPH_SCOPE}
   * @param graph Graph's v1.0 base URL, {@link #GRAPH} outside tests
   * @param tenant the bot's tenant: people of other tenants are not looked up
   * @param timeout how long one look-up (token and both requests) may take in all
   */
  public GraphDirectory(AppCredentials credentials, String graph, String tenant, Duration timeout) {
    this(credentials::getToken, graph, tenant, timeout);
  }

  GraphDirectory(
      Supplier<CompletableFuture<String>> token, String graph, String tenant, Duration timeout) {
    this.token = Objects.requireNonNull(token, "token");
    this.graph = graph.endsWith("/") ? graph : graph + "/";
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClients.http11(timeout);
  }

  @Override
  public ProfileHints.Work workOf(ChannelUser user, String objectId, Duration wait) {
    if (!tenant.equals(user.workspace())
        || objectId == null
        || !OBJECT_ID.matcher(objectId).matches()) {
      return ProfileHints.Work.none();
    }
    CompletableFuture<Lookup> lookup = known.get(objectId, (id, executor) -> lookUp(user, id));
    Lookup found =
        lookup.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).join();
    if (found == null) {
      if (!wait.isZero()) {
        log.info(
            "Microsoft Graph has not answered for {} within {}: going on without their job",
            user,
            wait);
      }
      return ProfileHints.Work.none();
    }
    return found.work();
  }

  private CompletableFuture<Lookup> lookUp(ChannelUser user, String id) {
    CompletableFuture<String> bearer;
    try {
      bearer = token.get();
    } catch (RuntimeException e) {
      bearer = CompletableFuture.failedFuture(e);
    }
    return bearer
        .thenCompose(
            t ->
                get(t, "users/" + id + "?$select=jobTitle,department")
                    .thenCombine(
                        get(t, "users/" + id + "/manager?$select=id,mail,userPrincipalName"),
                        GraphDirectory::work))
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (work, failure) -> {
              if (failure == null) {
                return new Lookup(work, false);
              }
              log.warn("No Microsoft Graph profile for {}: {}", user, reason(failure));
              return new Lookup(ProfileHints.Work.none(), true);
            });
  }

  // The object Graph returns; empty on 404 (no such user, no manager).
  private CompletableFuture<Optional<JsonNode>> get(String bearer, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(graph + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() == 404) {
                return Optional.empty();
              }
              if (response.statusCode() != 200) {
                throw new GraphException(
                    "Graph answered " + response.statusCode() + " to GET " + path.split("\\?")[0]);
              }
              try {
                return Optional.of(JSON.readTree(response.body()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static ProfileHints.Work work(Optional<JsonNode> user, Optional<JsonNode> manager) {
    return new ProfileHints.Work(
        Optional.empty(),
        user.flatMap(u -> text(u, "jobTitle")),
        user.flatMap(u -> text(u, "department")),
        Optional.empty(),
        manager.flatMap(m -> text(m, "mail").or(() -> text(m, "userPrincipalName"))));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  private String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "no answer within " + timeout;
    }
    return cause instanceof GraphException ? cause.getMessage() : cause.toString();
  }

  private static final class GraphException extends RuntimeException {
    GraphException(String message) {
      super(message);
    }
  }
}
