package io.learnloop.dialog.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseModelFileTest {

  @Test
  void should_ship_a_portable_model_with_ability_and_no_item_or_skill_weights() {
    ResponseModel shipped = ResponseModelFile.shipped();

    assertThat(shipped.featureSet()).isEqualTo(FeatureSet.ABILITY);
    assertThat(shipped.weights().keySet())
        .contains("bias", "ability", "recent")
        .noneMatch(name -> name.startsWith("item=") || name.startsWith("skill="));
  }

  @Test
  void should_predict_the_same_after_a_round_trip() throws IOException {
    ResponseModel shipped = ResponseModelFile.shipped();
    StringWriter text = new StringWriter();
    ResponseModelFile.write(shipped, text);

    ResponseModel read =
        ResponseModelFile.read(
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "copy");

    LearnerTrace a = new LearnerTrace();
    LearnerTrace b = new LearnerTrace();
    for (boolean correct : new boolean[] {true, false, true, true}) {
      shipped.update(a, "q", List.of("s"), correct);
      read.update(b, "q", List.of("s"), correct);
    }
    assertThat(read.predict(b, "q", List.of("s")))
        .isCloseTo(
            shipped.predict(a, "q", List.of("s")), org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  void should_name_the_source_and_line_of_a_malformed_line() {
    String text = "features\tABILITY\nweight\tbias\tnot-a-number\n";

    assertThatThrownBy(
            () ->
                ResponseModelFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "model.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model.tsv:2: ");
  }
}
