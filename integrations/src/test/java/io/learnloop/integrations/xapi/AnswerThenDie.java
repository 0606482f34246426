package io.learnloop.integrations.xapi;

import io.learnloop.dialog.learning.AnswerJournal;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Run in a child JVM by {@link XapiWriteAheadTest}: records one answer through the answer recorder
 * into a real Redis with the xAPI outbox reporting it, and is killed ({@code Runtime.halt}, no
 * shutdown hooks, nothing flushed) where the argument says: {@code before-store} once the store is
 * asked to record, {@code after-store} once the store has recorded it and before the report.
 */
public final class AnswerThenDie {

  static final int KILLED = 137;

  public static void main(String[] args) throws Exception {
    String redisUrl = args[0];
    Path outboxFolder = Path.of(args[1]);
    boolean afterStore = args[2].equals("after-store");
    RedisConnector redis = new RedisConnector(redisUrl, Duration.ofSeconds(5));
    AnswerLog store = new RedisAnswerLog(redis, Spacing.defaults());
    AnswerLog dying =
        (AnswerLog)
            Proxy.newProxyInstance(
                AnswerLog.class.getClassLoader(),
                new Class<?>[] {AnswerLog.class},
                (proxy, method, arguments) -> {
                  if (method.getName().equals("record") && !afterStore) {
                    Runtime.getRuntime().halt(KILLED);
                  }
                  Object result;
                  try {
                    result = method.invoke(store, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (method.getName().equals("record")) {
                    Runtime.getRuntime().halt(KILLED);
                  }
                  return result;
                });
    FileXapiOutbox outbox = FileXapiOutbox.open(outboxFolder);
    XapiSender sender =
        new XapiSender(
            outbox,
            new LrsClient(
                new LrsEndpoint(URI.create("http://127.0.0.1:1/xapi/"), "key", "secret"),
                Duration.ofSeconds(1)),
            10,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    XapiLearningRecords records =
        new XapiLearningRecords(
            new XapiStatements(new ActivityIds(ActivityIds.DEFAULT_BASE), "http://localhost"),
            new InMemoryLearners(),
            id -> Optional.of(XapiWriteAheadTest.ITEM),
            outbox,
            sender);
    new AnswerRecorder(dying, Duration.ofSeconds(1), AnswerJournal.none(), 10, records)
        .record(XapiWriteAheadTest.answer());
    System.exit(0);
  }
}
