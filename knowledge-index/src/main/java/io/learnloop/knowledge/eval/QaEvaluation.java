package io.learnloop.knowledge.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.knowledge.answer.Answer;
import io.learnloop.knowledge.answer.KnowledgeAnswers;
import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.AccessScope;
import io.learnloop.knowledge.search.DocumentHit;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.ReplyGate;
import io.learnloop.knowledge.search.RetrievalMode;
import io.learnloop.knowledge.search.SearchResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs evaluation questions through hybrid retrieval and, on the same index, through BM25-only and
 * vector-only retrieval, and reports ranking, abstention and latency metrics for each.
 */
public final class QaEvaluation {

  private static final int DEPTH = 10;

  /** Baselines abstain below the top score that keeps this share of answerable questions. */
  private static final double BASELINE_ANSWER_RATE = 0.9;

  private final HybridSearcher searcher;
  private final AbstentionModel abstention;
  private final Optional<KnowledgeAnswers> answerPath;
  private final KnowledgeAnswers replies;

  /** Hybrid abstains where the extractive reply does: where the shipped reply gate says so. */
  public QaEvaluation(HybridSearcher searcher, AbstentionModel abstention) {
    this(searcher, abstention, Optional.empty());
  }

  /**
   * @param answerPath when present, hybrid abstains where these answers abstain (else where the
   *     extractive answers without a model do), so that a language model configured in them judges
   *     the passages as it does for users (and rewrites Indonesian questions for search as it does
   *     for users; the ranking columns stay those of the glossary search)
   */
  public QaEvaluation(
      HybridSearcher searcher, AbstentionModel abstention, Optional<KnowledgeAnswers> answerPath) {
    this.searcher = searcher;
    this.abstention = abstention;
    this.answerPath = answerPath;
    // Without a configured path the replies graded are the extractive ones users get with no model.
    this.replies =
        answerPath.orElseGet(
            () ->
                new KnowledgeAnswers(
                    searcher, abstention, Optional.empty(), java.time.Duration.ZERO, null));
  }

  /** One question's outcome under one retrieval mode. */
  public record Outcome(
      EvalQuestion question,
      List<String> ranked,
      SearchResult result,
      double topScore,
      double latencyMs) {}

  public List<Outcome> run(List<EvalQuestion> questions, RetrievalMode mode) {
    // One untimed search first, so that class loading and the model's first run are not measured.
    searcher.search("warm up", AccessScope.everything(), mode, DEPTH);
    List<Outcome> outcomes = new ArrayList<>();
    for (EvalQuestion question : questions) {
      long start = System.nanoTime();
      SearchResult result =
          searcher.search(question.question(), AccessScope.everything(), mode, DEPTH);
      double latency = (System.nanoTime() - start) / 1e6;
      List<String> ranked = result.documents().stream().map(DocumentHit::source).toList();
      double top = result.documents().isEmpty() ? 0 : topScore(result.documents().get(0), mode);
      outcomes.add(new Outcome(question, ranked, result, top, latency));
    }
    return outcomes;
  }

  /**
   * Fits the abstention model on these questions, then the reply gate on whether the extractive
   * replies held the questions' facts, and prints both with their cross-validated rates.
   */
  public AbstentionModel calibrate(List<EvalQuestion> questions, PrintStream out) {
    List<Outcome> outcomes = run(questions, RetrievalMode.HYBRID);
    AbstentionModel model = AbstentionCalibration.fit(outcomes, out);
    out.println("# abstention.properties");
    out.print(model.toProperties());
    List<ReplyGateCalibration.Example> drafts = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      EvalQuestion q = outcome.question();
      if (q.answerable() && q.facts().isEmpty()) {
        continue;
      }
      replies
          .draft(q.question(), AccessScope.everything(), q.lang())
          .ifPresent(
              draft ->
                  drafts.add(
                      new ReplyGateCalibration.Example(
                          model.answerable(outcome.result().evidence()),
                          draft.leadCoverage(),
                          q.answerable(),
                          q.answerable() ? FactCheck.held(draft.text(), q.facts()) : 0,
                          q.facts().size())));
    }
    if (drafts.stream().anyMatch(ReplyGateCalibration.Example::answerable)) {
      ReplyGate gate = ReplyGateCalibration.fit(drafts, out);
      out.println("# reply-gate.properties");
      out.print(gate.toProperties());
    }
    return model;
  }

  /** Prints tables per kind and overall, and returns the summary that ends the report. */
  public Map<String, Object> report(List<EvalQuestion> questions, PrintStream out) {
    return report(questions, out, null);
  }

  /**
   * @param trace where to print one line per question (rank of the expected source, evidence, top
   *     three results), or null for none
   */
  public Map<String, Object> report(
      List<EvalQuestion> questions, PrintStream out, PrintStream trace) {
    List<Outcome> hybrid = run(questions, RetrievalMode.HYBRID);
    // One reply per question, asked once: with a language model each ask is a paid call.
    Map<EvalQuestion, Answer> answered = new java.util.IdentityHashMap<>();
    for (Outcome outcome : hybrid) {
      EvalQuestion q = outcome.question();
      answered.put(q, replies.ask(q.question(), AccessScope.everything(), q.lang()));
    }
    Map<String, RetrievalMetrics> byKind = new TreeMap<>();
    RetrievalMetrics overall = new RetrievalMetrics();
    for (Outcome outcome : hybrid) {
      // Hybrid abstains where the reply a person reads does: without a language model the reply
      // gate decides, with one the whole answer path.
      boolean abstain = answered.get(outcome.question()).abstained();
      byKind
          .computeIfAbsent(outcome.question().kind(), k -> new RetrievalMetrics())
          .add(outcome.question().expected(), outcome.ranked(), abstain, outcome.latencyMs());
      overall.add(outcome.question().expected(), outcome.ranked(), abstain, outcome.latencyMs());
    }
    if (trace != null) {
      for (Outcome o : hybrid) {
        int rank = -1;
        for (int i = 0; i < o.ranked().size(); i++) {
          if (o.question().expected().contains(o.ranked().get(i))) {
            rank = i + 1;
            break;
          }
        }
        var e = o.result().evidence();
        trace.printf(
            "%s %s rank=%d p=%.2f cos=%.2f cov=%.2f agr=%.0f miss=%.2f %s | %s -> %s%n",
            o.question().id(),
            o.question().kind(),
            rank,
            abstention.answerable(e),
            e.cosine(),
            e.coverage(),
            e.agreement(),
            e.missingRarity(),
            o.question().question(),
            o.question().expected(),
            o.ranked().subList(0, Math.min(3, o.ranked().size())));
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>(overall.summary());
    Map<String, Object> baselines = new LinkedHashMap<>();
    for (RetrievalMode mode : List.of(RetrievalMode.BM25, RetrievalMode.VECTOR)) {
      baselines.put(
          mode.name().toLowerCase(java.util.Locale.ROOT), baseline(run(questions, mode)).summary());
    }
    summary.put("baselines", baselines);
    summary.putAll(replyReport(hybrid, answered, out, trace));
    out.println("Hybrid retrieval, by kind of question:");
    printRow(out, "kind", null);
    byKind.forEach((kind, metrics) -> printRow(out, kind, metrics));
    printRow(out, "overall", overall);
    out.printf(
        "answered %.1f%% of answerable questions%s%n",
        100 * overall.answerRate(),
        answerPath.isPresent()
            ? " (abstention decided by the whole answer path)"
            : " (abstention decided by the reply gate)");
    out.println("Abstention model verdicts on the evidence (the bands a language model works in):");
    printVerdicts(out, hybrid);
    out.println();
    out.println("Same questions, same index, single-signal baselines (overall):");
    printRow(out, "method", null);
    printRow(out, "hybrid", overall);
    for (RetrievalMode mode : List.of(RetrievalMode.BM25, RetrievalMode.VECTOR)) {
      printSummary(
          out,
          mode.name().toLowerCase(java.util.Locale.ROOT),
          (Map<?, ?>) baselines.get(mode.name().toLowerCase(java.util.Locale.ROOT)),
          "");
    }
    return summary;
  }

  /**
   * Grades the reply a person reads against each question's facts, by kind and language, next to
   * the baseline of showing the best passage verbatim, and returns the overall figures.
   */
  private Map<String, Object> replyReport(
      List<Outcome> hybrid,
      Map<EvalQuestion, Answer> answered,
      PrintStream out,
      PrintStream trace) {
    Map<String, ReplyMetrics> groups = new TreeMap<>();
    ReplyMetrics overall = new ReplyMetrics();
    ReplyMetrics bestPassage = new ReplyMetrics();
    for (Outcome outcome : hybrid) {
      EvalQuestion q = outcome.question();
      Answer reply = answered.get(q);
      List<ReplyMetrics> into =
          List.of(
              overall,
              groups.computeIfAbsent("kind " + q.kind(), k -> new ReplyMetrics()),
              groups.computeIfAbsent("lang " + q.lang(), k -> new ReplyMetrics()));
      int chars = reply.text().length();
      if (!q.answerable()) {
        into.forEach(m -> m.addUnanswerable(reply.abstained(), reply.unsure(), chars));
        if (trace != null && !reply.abstained()) {
          trace.printf(
              "reply %s unanswerable %s: %s | %s%n",
              q.id(),
              reply.unsure() ? "caveated" : "confident",
              q.question(),
              reply.text().replace('\n', ' '));
        }
        continue;
      }
      if (q.facts().isEmpty()) {
        continue;
      }
      FactCheck.Grade grade =
          FactCheck.grade(reply.text(), reply.abstained(), reply.unsure(), q.facts());
      into.forEach(m -> m.addGraded(grade, reply.unsure(), chars));
      String passage =
          outcome.result().documents().isEmpty()
              ? ""
              : outcome.result().documents().get(0).bestQuotable().text();
      FactCheck.Grade passageGrade = FactCheck.grade(passage, false, false, q.facts());
      bestPassage.addGraded(passageGrade, false, passage.length());
      if (trace != null && grade != FactCheck.Grade.ALL_FACTS) {
        trace.printf(
            "reply %s %s (best passage: %s): %s | %s%n",
            q.id(),
            grade.name().toLowerCase(java.util.Locale.ROOT),
            passageGrade.name().toLowerCase(java.util.Locale.ROOT),
            q.question(),
            reply.text().replace('\n', ' '));
      }
    }
    if (overall.graded() == 0) {
      return Map.of();
    }
    out.println();
    out.printf(
        "Replies as a person reads them (%s), on answerable questions with facts:%n",
        answerPath.isPresent() ? "whole answer path" : "extractive, no language model");
    printReplyRow(out, "group", null);
    groups.forEach((label, metrics) -> printReplyRow(out, label, metrics));
    printReplyRow(out, "overall", overall);
    printReplyRow(out, "best passage", bestPassage);
    Map<String, Object> summary = new LinkedHashMap<>(overall.summary());
    summary.put("best_passage_fact_recall", bestPassage.summary().get("fact_recall"));
    return summary;
  }

  private static void printReplyRow(PrintStream out, String label, ReplyMetrics metrics) {
    if (metrics == null) {
      out.printf(
          "%-22s %6s %6s %6s %6s %6s %6s %6s %6s %5s%n",
          label, "facts", "some", "wrong", "unsure", "absA", "refU", "cavOK", "chars", "n");
      return;
    }
    Map<String, Object> s = metrics.summary();
    out.printf(
        "%-22s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.0f %5d%n",
        label,
        s.get("fact_recall"),
        s.get("some_fact"),
        s.get("confidently_wrong"),
        s.get("no_fact_caveated"),
        s.get("abstained_on_answerable"),
        s.get("unanswerable_refused"),
        s.get("facts_caveated"),
        s.get("reply_chars_p50"),
        metrics.graded());
  }

  /**
   * How often each verdict of the abstention model is reached: answered without reservation,
   * answered as unsure, left to a language model (abstains without one), abstained.
   */
  private void printVerdicts(PrintStream out, List<Outcome> outcomes) {
    VerdictTable table = new VerdictTable();
    for (Outcome outcome : outcomes) {
      table.add(abstention.verdict(outcome.result().evidence()), outcome.question().answerable());
    }
    table.print(out);
  }

  public static String json(Map<String, Object> summary) {
    try {
      return new ObjectMapper().writeValueAsString(summary);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RetrievalMetrics baseline(List<Outcome> outcomes) {
    List<Double> answerableTops =
        outcomes.stream()
            .filter(o -> o.question().answerable())
            .map(Outcome::topScore)
            .sorted(Comparator.naturalOrder())
            .toList();
    double threshold =
        answerableTops.isEmpty()
            ? 0
            : answerableTops.get(
                (int) Math.floor((1 - BASELINE_ANSWER_RATE) * answerableTops.size()));
    RetrievalMetrics metrics = new RetrievalMetrics();
    for (Outcome outcome : outcomes) {
      metrics.add(
          outcome.question().expected(),
          outcome.ranked(),
          outcome.topScore() < threshold,
          outcome.latencyMs());
    }
    return metrics;
  }

  private static double topScore(DocumentHit hit, RetrievalMode mode) {
    return switch (mode) {
      case BM25 -> hit.best().keywordScore();
      case VECTOR -> hit.best().vectorScore();
      case HYBRID -> hit.score();
    };
  }

  private static void printRow(PrintStream out, String label, RetrievalMetrics metrics) {
    if (metrics == null) {
      out.printf(
          "%-14s %5s %5s %5s %5s %6s %6s %7s %7s %4s%n",
          label, "R@1", "R@5", "MRR", "nDCG", "AbsP", "AbsR", "p50ms", "p95ms", "n");
      return;
    }
    printSummary(
        out,
        label,
        metrics.summary(),
        String.format(" %4d", metrics.answerable() + metrics.unanswerable()));
  }

  private static void printSummary(PrintStream out, String label, Map<?, ?> s, String suffix) {
    out.printf(
        "%-14s %5.3f %5.3f %5.3f %5.3f %6.3f %6.3f %7.1f %7.1f%s%n",
        label,
        s.get("recall_at_1"),
        s.get("recall_at_5"),
        s.get("mrr_at_10"),
        s.get("ndcg_at_10"),
        s.get("abstain_precision"),
        s.get("abstain_recall"),
        s.get("p50_ms"),
        s.get("p95_ms"),
        suffix);
  }
}
