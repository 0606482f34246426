package io.learnloop.integrations.xapi;

import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the LRS on a thread of its own ({@code learnloop-xapi-sender}), oldest first,
 * in batches. A statement leaves the outbox only once the LRS has it: a 2xx for its batch, or a 409
 * for it alone (its id is already there). While the LRS is unreachable or answers 5xx, 429 or an
 * auth error, the batch is retried with exponential backoff and jitter, never sooner than its
 * {@code Retry-After}. A batch refused with 400, 409 or 413 is split in halves until the statement
 * at fault stands alone, which goes to the dead-letter file; the rest is delivered.
 */
public final class XapiSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(XapiSender.class);

  private final FileXapiOutbox outbox;
  private final LrsClient lrs;
  private final int batchSize;
  private final IntervalFunction backoff;
  private final ScheduledThreadPoolExecutor thread;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  // Touched on the sender thread only, except backingOff, which wake() reads.
  private volatile boolean backingOff;
  private volatile boolean closing;
  private int failures;

  /**
   * @param firstBackoff the wait after the first failure; it doubles, with ±50% jitter, up to
   *     {@code maxBackoff}
   */
  public XapiSender(
      FileXapiOutbox outbox,
      LrsClient lrs,
      int batchSize,
      Duration firstBackoff,
      Duration maxBackoff) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.lrs = Objects.requireNonNull(lrs, "lrs");
    if (batchSize < 1) {
      throw new IllegalArgumentException("a batch is at least 1 statement but was " + batchSize);
    }
    this.batchSize = batchSize;
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            firstBackoff.toMillis(), 2.0, 0.5, maxBackoff.toMillis());
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread sender = new Thread(task, "learnloop-xapi-sender");
              sender.setDaemon(true);
              return sender;
            });
    // Retries not yet due are dropped at close: what waits is sent after the next start.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Sends what is waiting, unless a retry is already scheduled: then it goes with that retry. */
  public void wake() {
    if (!backingOff) {
      try {
        thread.execute(() -> drain(false));
      } catch (RejectedExecutionException closed) {
        // Closing: what waits is sent after the next start.
      }
    }
  }

  /** Statements the LRS accepted since start. */
  public long delivered() {
    return delivered.get();
  }

  /** Statements the LRS refused for good since start, now in the dead-letter file. */
  public long refused() {
    return refused.get();
  }

  private void drain(boolean retry) {
    if (backingOff && !retry) {
      return;
    }
    backingOff = false;
    while (!closing && !Thread.currentThread().isInterrupted()) {
      List<XapiStatement> batch = outbox.oldest(batchSize);
      if (batch.isEmpty()) {
        return;
      }
      Duration wait;
      try {
        wait = deliver(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Could not deliver {} xAPI statements; retrying", batch.size(), e);
        wait = nextBackoff(Duration.ZERO);
      }
      if (wait != null) {
        backingOff = true;
        try {
          thread.schedule(() -> drain(true), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
          // Closing: what waits is sent after the next start.
        }
        return;
      }
      failures = 0;
    }
  }

  /**
   * @return how long to wait before trying again, or null when the batch was dealt with
   */
  private Duration deliver(List<XapiStatement> batch) throws InterruptedException {
    LrsClient.Response response;
    try {
      response = lrs.post(batch);
    } catch (IOException e) {
      Duration wait = nextBackoff(Duration.ZERO);
      log.warn(
          "LRS unreachable ({}); {} statements wait, next try in {}", e, outbox.pending(), wait);
      return wait;
    }
    int status = response.status();
    if (status / 100 == 2 || (status == 409 && batch.size() == 1)) {
      if (status == 409) {
        log.info("LRS already has statement {} (409); not sent again", batch.get(0).id());
      }
      outbox.delivered(batch.stream().map(XapiStatement::id).toList());
      delivered.addAndGet(batch.size());
      return null;
    }
    if (status == 400 || status == 409 || status == 413) {
      if (batch.size() == 1) {
        setAside(batch.get(0), response);
        return null;
      }
      int half = batch.size() / 2;
      Duration wait = deliver(batch.subList(0, half));
      return wait != null ? wait : deliver(batch.subList(half, batch.size()));
    }
    Duration wait = nextBackoff(response.retryAfter().orElse(Duration.ZERO));
    log.warn(
        "LRS answered {} to {} statements; {} wait, next try in {}: {}",
        status,
        batch.size(),
        outbox.pending(),
        wait,
        abbreviate(response.body()));
    return wait;
  }

  private void setAside(XapiStatement statement, LrsClient.Response response) {
    String reason = response.status() + " " + abbreviate(response.body());
    log.error(
        "LRS refused xAPI statement {} ({}); set aside in {}: {}",
        statement.id(),
        reason,
        outbox.file().resolveSibling(FileXapiOutbox.DEAD_LETTER),
        statement.json());
    outbox.deadLetter(statement, reason);
    refused.incrementAndGet();
  }

  private Duration nextBackoff(Duration atLeast) {
    failures++;
    Duration computed = Duration.ofMillis(backoff.apply(Math.min(failures, 30)));
    return computed.compareTo(atLeast) >= 0 ? computed : atLeast;
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }

  @Override
  public void close() {
    // A batch under way is let finish, so that the outbox removes what the LRS took: cut off, the
    // LRS could have it while the outbox still holds it, to be sent again after the next start.
    closing = true;
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
        thread.awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
