package io.learnloop.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {

  @Test
  void should_run_one_keys_tasks_in_the_order_given() {
    List<Integer> ana = new CopyOnWriteArrayList<>();
    List<Integer> budi = new CopyOnWriteArrayList<>();
    try (OrderedWork work = new OrderedWork("test", 4, 1000)) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        work.execute("slack:T1:ana", () -> ana.add(n));
        work.execute("slack:T1:budi", () -> budi.add(n));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> ana.size() == 200 && budi.size() == 200);
    }
    assertThat(ana).isEqualTo(IntStream.range(0, 200).boxed().toList());
    assertThat(budi).isEqualTo(IntStream.range(0, 200).boxed().toList());
  }

  @Test
  void should_refuse_work_past_its_queue() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    try (OrderedWork work = new OrderedWork("test", 1, 2)) {
      work.execute("k", () -> waitFor(release));
      work.execute("k", () -> {});
      work.execute("k", () -> {});
      assertThatThrownBy(() -> work.execute("k", () -> {}))
          .isInstanceOf(RejectedExecutionException.class);
      release.countDown();
    }
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
