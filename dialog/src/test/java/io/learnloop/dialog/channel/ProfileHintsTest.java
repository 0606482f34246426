package io.learnloop.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileHintsTest {

  private static ProfileHints.Work work(String title, String team, String user, String email) {
    return new ProfileHints.Work(
        Optional.of("Lina Marlina"),
        Optional.ofNullable(title),
        Optional.ofNullable(team),
        Optional.ofNullable(user),
        Optional.ofNullable(email));
  }

  @Test
  void should_say_nothing_of_work_when_made_the_old_way() {
    assertThat(ProfileHints.none().work().isEmpty()).isTrue();
    assertThat(new ProfileHints(Optional.of("A@B.example"), Optional.empty()).work())
        .isEqualTo(ProfileHints.Work.none());
  }

  @Test
  void should_strip_texts_treat_blank_as_absent_and_lower_case_the_managers_email() {
    ProfileHints.Work work = work("  Risk Analyst ", " ", "U0RINA01", " Rina@Lumbung.Example ");

    assertThat(work.title()).contains("Risk Analyst");
    assertThat(work.team()).isEmpty();
    assertThat(work.managerEmail()).contains("rina@lumbung.example");
    assertThat(work.isEmpty()).isFalse();
    assertThat(ProfileHints.none().withWork(work).work()).isEqualTo(work);
  }

  @Test
  void should_take_a_name_alone_as_saying_nothing_of_work() {
    assertThat(work(null, null, null, null).isEmpty()).isTrue();
  }

  @Test
  void should_refuse_control_characters_overlong_texts_and_malformed_references() {
    assertThatThrownBy(() -> work("Risk\u0000Analyst", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> work(null, "Finance\nOps", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> work("x".repeat(201), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThatThrownBy(() -> work(null, null, "U0 RINA", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> work(null, null, null, "not-an-address"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
