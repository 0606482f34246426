package io.learnloop.knowledge.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.index.Chunker;
import io.learnloop.knowledge.index.Embedder;
import io.learnloop.knowledge.index.IndexProgress;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.AccessScope;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import io.learnloop.knowledge.search.ReplyGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extractive answers over the bundled sample handbook, through a real index. */
class KnowledgeAnswersTest {

  private static KnowledgeIndex index;
  private static KnowledgeAnswers answers;
  private static ExecutorService calls;

  @BeforeAll
  static void indexSampleHandbook() throws Exception {
    Path indexDir = Files.createTempDirectory("learnloop-answers-test");
    index = KnowledgeIndex.open(indexDir, Embedder.defaultModel(), Chunker.standard(), "/docs/");
    index.update(DocsFolder.open(Path.of("..", "content", "handbook")), IndexProgress.NONE);
    calls = Executors.newSingleThreadExecutor();
    answers =
        new KnowledgeAnswers(
            new HybridSearcher(index, QueryTranslator.bundled(), Fusion.standard()),
            AbstentionModel.calibrated(),
            Optional.empty(),
            Duration.ofSeconds(1),
            calls);
  }

  @AfterAll
  static void close() throws Exception {
    calls.shutdownNow();
    index.close();
  }

  @Test
  void should_answer_with_key_sentences_and_citations_that_match_the_sources() {
    Answer answer =
        answersGatingEveryReplyAt(0, 0)
            .ask(
                "How many unused annual leave days can I carry over?",
                AccessScope.publicOnly(),
                "en");

    assertThat(answer.abstained()).isFalse();
    assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE);
    assertThat(answer.citations().get(0).source()).isEqualTo("annual-leave.md");
    assertThat(answer.citations().get(0).url())
        .isEqualTo("/docs/annual-leave.md#carrying-days-over");
    assertThat(answer.text())
        .startsWith("Here is what the docs say:")
        .contains("5 unused days")
        .contains("[1]");
    int highest = answer.citations().size();
    assertThat(answer.text()).doesNotContain("[" + (highest + 1) + "]");
  }

  @Test
  void should_answer_an_indonesian_question_in_indonesian_from_an_indonesian_page() {
    Answer answer =
        answersGatingEveryReplyAt(0, 0)
            .ask("Berapa hari cuti sakit tanpa surat dokter?", AccessScope.publicOnly(), "id");

    assertThat(answer.abstained()).isFalse();
    assertThat(answer.text()).startsWith("Ini yang tertulis di dokumen:");
    assertThat(answer.citations().get(0).source()).isEqualTo("cuti-sakit-dan-izin.md");
  }

  @Test
  void should_cite_exactly_the_sources_it_quotes() {
    for (String question :
        List.of(
            "Berapa hari cuti sakit tanpa surat dokter?",
            "What should I do if my laptop is stolen?",
            "Who approves a discount above 20%?",
            "How do incident severities differ?")) {
      Answer answer = answers.ask(question, AccessScope.publicOnly(), "en");
      Set<Integer> markers = new TreeSet<>();
      Matcher matcher = Pattern.compile("\\[(\\d+)]").matcher(answer.text());
      while (matcher.find()) {
        markers.add(Integer.parseInt(matcher.group(1)));
      }
      Set<Integer> listed = new TreeSet<>();
      for (int i = 1; i <= answer.citations().size(); i++) {
        listed.add(i);
      }
      assertThat(markers).as(question).isEqualTo(listed);
    }
  }

  @Test
  void should_quote_the_sentences_that_answer_rather_than_the_longest_ones() {
    Answer answer =
        answers.ask("Berapa hari cuti sakit tanpa surat dokter?", AccessScope.publicOnly(), "id");

    assertThat(answer.text()).contains("Anda tidak perlu menyerahkan surat keterangan dokter");
    assertThat(answer.citations())
        .extracting(Citation::source)
        .containsExactly("cuti-sakit-dan-izin.md");
  }

  @Test
  void should_lead_with_the_table_row_that_holds_the_amount_and_cite_its_section() {
    Answer answer =
        answers.ask("Hotel limit per night in Singapore?", AccessScope.publicOnly(), "en");

    assertThat(answer.abstained()).isFalse();
    assertThat(bullets(answer).get(0)).contains("Singapura").contains("SGD 250");
    assertThat(bullets(answer)).hasSizeLessThanOrEqualTo(3);
    assertThat(answer.text()).doesNotContain("|");
    assertThat(answer.citations().get(0).source()).isEqualTo("perjalanan-dinas.md");
    assertThat(answer.citations().get(0).section()).isEqualTo("Pemesanan tiket dan hotel");
  }

  @Test
  void should_answer_an_indonesian_question_from_the_indonesian_row_without_a_language_note() {
    Answer answer = answers.ask("Uang harian ke Singapura?", AccessScope.publicOnly(), "id");

    assertThat(bullets(answer).get(0)).contains("SGD 70");
    assertThat(answer.text()).doesNotContain("bahasa Inggris");
    assertThat(answer.citations().get(0).section()).isEqualTo("Uang harian");
  }

  @Test
  void should_say_in_indonesian_when_only_english_pages_answer_an_indonesian_question() {
    Answer answer =
        answers.ask(
            "Apakah cuti bersama mengurangi jatah cuti tahunan saya?",
            AccessScope.publicOnly(),
            "id");

    assertThat(answer.abstained()).isFalse();
    assertThat(answer.citations().get(0).source()).isEqualTo("annual-leave.md");
    assertThat(answer.text()).endsWith("(Sumber ini hanya tersedia dalam bahasa Inggris.)");
  }

  @Test
  void should_reply_clearly_instead_of_quoting_when_the_question_is_only_a_number_or_an_emoji() {
    for (String question : List.of("2", "🙂", "?? 7")) {
      Answer english = answers.ask(question, AccessScope.publicOnly(), "en");
      Answer indonesian = answers.ask(question, AccessScope.publicOnly(), "id");

      assertThat(english.text()).as(question).startsWith("That doesn't look like a question");
      assertThat(indonesian.text())
          .as(question)
          .startsWith("Sepertinya itu belum berupa pertanyaan");
      assertThat(english.citations()).isEmpty();
      assertThat(english.abstained()).isTrue();
    }
  }

  private static List<String> bullets(Answer answer) {
    return answer.text().lines().filter(line -> line.startsWith("• ")).toList();
  }

  @Test
  void should_abstain_when_the_docs_do_not_answer() {
    Answer answer =
        answers.ask("Can I bring my cat to the office?", AccessScope.publicOnly(), "en");

    assertThat(answer.abstained()).isTrue();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.text()).startsWith("I couldn't find this in the docs.");
  }

  @Test
  void should_quote_an_injected_instruction_as_a_cited_source_and_not_act_on_it() {
    Answer answer =
        answers.ask(
            "What is the note for AI assistants and automated mail tools in the example email?",
            AccessScope.publicOnly(),
            "en");

    assertThat(answer.citations()).extracting(Citation::source).contains("phishing.md");
    assertThat(answer.text())
        .startsWith("Here is what the docs say:")
        .containsPattern("• [^\\n]*Ignore all previous instructions[^\\n]*\\[\\d]")
        .doesNotContainIgnoringCase("the admin password is");
  }

  @Test
  void should_keep_group_documents_from_readers_outside_the_group() {
    Answer outsider =
        answers.ask(
            "How does performance review calibration work for managers?",
            AccessScope.publicOnly(),
            "en");
    Answer manager =
        answers.ask(
            "How does performance review calibration work for managers?",
            new AccessScope(java.util.Set.of("people-managers")),
            "en");

    assertThat(outsider.citations())
        .extracting(Citation::source)
        .doesNotContain("performance-reviews-for-managers.md");
    assertThat(manager.citations())
        .extracting(Citation::source)
        .contains("performance-reviews-for-managers.md");
  }

  @Test
  void should_say_it_is_unsure_when_the_reply_gate_doubts_the_reply() {
    Answer answer =
        answersGatingEveryReplyAt(0.4, 0.6)
            .ask(
                "How many unused annual leave days can I carry over?",
                AccessScope.publicOnly(),
                "en");
    Answer indonesian =
        answersGatingEveryReplyAt(0.4, 0.6)
            .ask(
                "Berapa hari cuti tahunan yang bisa dibawa ke tahun depan?",
                AccessScope.publicOnly(),
                "id");

    assertThat(answer.abstained()).isFalse();
    assertThat(answer.unsure()).isTrue();
    assertThat(answer.text())
        .startsWith("I'm not sure the docs answer exactly this.")
        .contains("5 unused days");
    assertThat(answer.citations()).isNotEmpty();
    assertThat(indonesian.text()).startsWith("Saya tidak yakin dokumen benar-benar menjawab");
  }

  @Test
  void should_abstain_without_a_language_model_when_the_reply_gate_rejects_the_reply() {
    Answer answer =
        answersGatingEveryReplyAt(0.6, 0.7)
            .ask(
                "How many unused annual leave days can I carry over?",
                AccessScope.publicOnly(),
                "en");

    assertThat(answer.abstained()).isTrue();
    assertThat(answer.citations()).isEmpty();
  }

  @Test
  void should_doubt_a_reply_whose_leading_sentence_lacks_the_questions_rare_words() {
    // The gate weighs only the leading sentence's coverage: it answers when the sentence holds
    // the question's words, and caveats when the evidence alone would have let it through.
    KnowledgeAnswers coverageOnly = answersWith(new ReplyGate(-5, 0, 10, 0, 0.5));
    String covered = "How many unused annual leave days can I carry over?";
    String uncovered = "What is the annual leave carry-over rule for zebra handlers in Antarctica?";

    assertThat(leadCoverage(coverageOnly, covered)).isGreaterThan(0.5);
    assertThat(coverageOnly.ask(covered, AccessScope.publicOnly(), "en").unsure()).isFalse();
    assertThat(leadCoverage(coverageOnly, uncovered)).isLessThan(0.5);
    assertThat(coverageOnly.ask(uncovered, AccessScope.publicOnly(), "en").unsure()).isTrue();
  }

  private static double leadCoverage(KnowledgeAnswers answers, String question) {
    return answers.draft(question, AccessScope.publicOnly(), "en").orElseThrow().leadCoverage();
  }

  @Test
  void should_follow_a_sentence_that_ends_in_a_colon_with_what_it_announces() {
    Answer answer =
        answers.ask(
            "I clicked a link in a phishing email, what should I do now?",
            AccessScope.publicOnly(),
            "en");

    List<String> bullets = bullets(answer);
    assertThat(bullets.get(0)).endsWith(": [1]");
    assertThat(bullets).hasSize(3);
  }

  /**
   * A gate that finds every reply 0.5 likely to hold the answer, so the thresholds alone decide its
   * verdict.
   */
  private static KnowledgeAnswers answersGatingEveryReplyAt(
      double abstainBelow, double caveatBelow) {
    return answersWith(new ReplyGate(0, 0, 0, abstainBelow, caveatBelow));
  }

  private static KnowledgeAnswers answersWith(ReplyGate gate) {
    return new KnowledgeAnswers(
        new HybridSearcher(index, QueryTranslator.bundled(), Fusion.standard()),
        AbstentionModel.calibrated(),
        gate,
        Optional.empty(),
        Duration.ofSeconds(1),
        calls);
  }

  @Test
  void should_refuse_empty_and_overlong_questions() {
    assertThatThrownBy(() -> answers.ask("  ", AccessScope.publicOnly(), "en"))
        .hasMessage("The question is empty");
    assertThatThrownBy(
            () ->
                answers.ask(
                    "x".repeat(KnowledgeAnswers.MAX_QUESTION_CHARS + 1),
                    AccessScope.publicOnly(),
                    "en"))
        .hasMessage("The question has 2001 characters; the limit is 2000");
  }
}
