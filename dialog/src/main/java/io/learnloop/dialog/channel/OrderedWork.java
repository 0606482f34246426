package io.learnloop.dialog.channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool that runs one person's interactions in the order Slack sent them (two quick clicks
 * are answered first-come, first-counted) while different people's run in parallel: each person's
 * key always lands on the same single-threaded lane.
 */
public final class OrderedWork implements AutoCloseable {

  private final ThreadPoolExecutor[] lanes;

  /**
   * @param name names the lanes' threads, e.g. {@code slack-work}
   * @param lanes how many interactions run at once
   * @param queue how many may wait in all; past it {@link #execute} refuses
   */
  public OrderedWork(String name, int lanes, int queue) {
    if (lanes < 1 || queue < lanes) {
      throw new IllegalArgumentException("at least one lane and one waiting place per lane");
    }
    this.lanes = new ThreadPoolExecutor[lanes];
    for (int i = 0; i < lanes; i++) {
      String thread = name + "-" + (i + 1);
      this.lanes[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(queue / lanes),
              task -> {
                Thread worker = new Thread(task, thread);
                worker.setDaemon(true);
                return worker;
              });
    }
  }

  /**
   * Runs {@code task} after every task given before with the same key.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the key's lane is full
   */
  public void execute(String key, Runnable task) {
    lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(task);
  }

  @Override
  public void close() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdownNow();
    }
  }
}
