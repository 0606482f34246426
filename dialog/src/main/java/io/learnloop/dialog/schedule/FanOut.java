package io.learnloop.dialog.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a scheduled job's work for many people at once, on named threads of its own, so that one
 * person a channel makes wait (Slack's 429) or a slow store round trip holds up no one else.
 */
public final class FanOut {

  private static final Logger log = Logger.getLogger(FanOut.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  private FanOut() {}

  /**
   * @param name names the threads, {@code learnloop-<name>-<n>}
   * @param work true when it did something for that one
   * @return for how many {@code work} returned true; work that threw is logged and not counted
   */
  public static <T> int count(List<T> each, int threads, String name, Predicate<T> work) {
    if (each.isEmpty()) {
      return 0;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, each.size()),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "learnloop-" + name + "-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (T one : each) {
        done.add(pool.submit(() -> work.test(one)));
      }
      int count = 0;
      for (int i = 0; i < done.size(); i++) {
        try {
          count += Boolean.TRUE.equals(done.get(i).get()) ? 1 : 0;
        } catch (ExecutionException e) {
          log.log(Level.WARNING, name + " failed for " + each.get(i), e.getCause());
        }
      }
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }
}
