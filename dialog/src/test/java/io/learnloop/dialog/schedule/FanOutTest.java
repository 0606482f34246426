package io.learnloop.dialog.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FanOutTest {

  @Test
  void should_count_the_work_that_did_something_and_not_the_work_that_failed() {
    Set<Integer> ran = ConcurrentHashMap.newKeySet();

    int count =
        FanOut.count(
            List.of(1, 2, 3, 4, 5),
            3,
            "test",
            n -> {
              ran.add(n);
              if (n == 4) {
                throw new IllegalStateException("the store is down for " + n);
              }
              return n % 2 == 1;
            });

    assertThat(count).isEqualTo(3);
    assertThat(ran).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
  }

  @Test
  void should_work_on_named_threads_of_its_own() {
    Set<String> threads = ConcurrentHashMap.newKeySet();

    FanOut.count(List.of(1, 2), 2, "nudges", n -> threads.add(Thread.currentThread().getName()));

    assertThat(threads).allMatch(name -> name.startsWith("learnloop-nudges-"));
  }

  @Test
  void should_do_nothing_for_no_one() {
    assertThat(FanOut.count(List.<Integer>of(), 4, "test", n -> true)).isZero();
  }
}
