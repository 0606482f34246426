package io.learnloop.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.knowledge.search.AbstentionModel.Verdict;
import io.learnloop.knowledge.search.ReplyGate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyGateCalibrationTest {

  /**
   * 60 answerable questions whose reply holds its one fact when the leading sentence covers the
   * question (coverage 0.5 to 1.0), 40 whose reply misses it (coverage 0 to 0.5), and 20
   * unanswerable ones with low coverage; the evidence probability is the same for all.
   */
  private static List<ReplyGateCalibration.Example> examples() {
    List<ReplyGateCalibration.Example> examples = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      examples.add(new ReplyGateCalibration.Example(0.8, 0.5 + i / 120.0, true, 1, 1));
    }
    for (int i = 0; i < 40; i++) {
      examples.add(new ReplyGateCalibration.Example(0.8, i / 80.0, true, 0, 1));
    }
    for (int i = 0; i < 20; i++) {
      examples.add(new ReplyGateCalibration.Example(0.8, i / 100.0, false, 0, 0));
    }
    return examples;
  }

  @Test
  void should_caveat_replies_whose_lead_misses_the_question_while_answering_nine_in_ten() {
    ReplyGate gate = ReplyGateCalibration.fitOn(examples());

    long answered =
        examples().stream()
            .filter(ReplyGateCalibration.Example::answerable)
            .filter(e -> gate.verdict(e.evidence(), e.leadCoverage()) != Verdict.ABSTAIN)
            .count();
    long confidentlyWrong =
        examples().stream()
            .filter(ReplyGateCalibration.Example::noFact)
            .filter(e -> gate.verdict(e.evidence(), e.leadCoverage()) == Verdict.ANSWER)
            .count();
    assertThat(gate.coverageWeight()).isPositive();
    assertThat(answered).isGreaterThanOrEqualTo(90);
    assertThat(confidentlyWrong / 100.0).isLessThanOrEqualTo(ReplyGateCalibration.WRONG_SHARE);
    assertThat(gate.verdict(0.8, 0.9)).isEqualTo(Verdict.ANSWER);
  }

  @Test
  void should_report_cross_validated_rates() {
    ByteArrayOutputStream report = new ByteArrayOutputStream();

    ReplyGateCalibration.fit(examples(), new PrintStream(report, true, StandardCharsets.UTF_8));

    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("reply gate, 5-fold cross-validated on 100 answerable and 20 unanswerable")
        .contains("facts in reply 0.6");
  }
}
