package io.learnloop.app.cli;

import io.learnloop.knowledge.eval.EvalQuestion;
import io.learnloop.knowledge.eval.EvalQuestions;
import io.learnloop.knowledge.eval.QaEvaluation;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "eval-qa",
    description =
        "Evaluate retrieval and abstention on questions with expected sources; the last line is JSON.")
final class EvalQaCommand implements Callable<Integer> {

  @Mixin IndexOptions options;

  @Spec CommandSpec spec;

  @Option(
      names = "--questions",
      required = true,
      description = "JSONL: id, question, expected, kind, lang, and optionally facts.")
  Path questions;

  @Option(
      names = "--facts",
      description =
          "JSONL of {id, facts} adding required facts to the questions with those ids (a fact is a list of alternative strings); lines whose id matches no question are reported.")
  Path facts;

  @Option(
      names = "--fusion",
      defaultValue = "default",
      description = "default, rrf, or blend:W (W = keyword weight).")
  String fusion;

  @Option(
      names = "--calibrate",
      description =
          "Fit the abstention model on these questions and print it, instead of the report.")
  boolean calibrate;

  @Option(
      names = "--answers",
      description =
          "Decide hybrid's abstention by the whole answer path, with the language model set in LEARNLOOP_LLM_* if any (a model call per question above the gate, plus the English rewrite of each Indonesian question, as for users), instead of the abstention model alone.")
  boolean answers;

  @Option(
      names = "--trace",
      description = "Print one line per question to stderr: rank, evidence, top results.")
  boolean trace;

  @Override
  public Integer call() throws Exception {
    if (answers && calibrate) {
      spec.commandLine()
          .getErr()
          .println(
              "--answers and --calibrate cannot be combined: calibration fits the abstention model alone");
      return 2;
    }
    List<EvalQuestion> loaded = EvalQuestions.read(questions, spec.commandLine().getErr()::println);
    if (facts != null) {
      loaded = EvalQuestions.withFacts(loaded, facts, spec.commandLine().getErr()::println);
    }
    if (answers) {
      System.err.println("Answer path: " + EnvironmentAnswers.describeLanguageModel());
    }
    ExecutorService calls = Executors.newCachedThreadPool();
    try (KnowledgeIndex index = options.openUpToDate(System.err)) {
      warnAboutUnknownSources(loaded, index.sources());
      HybridSearcher searcher = new HybridSearcher(index, QueryTranslator.bundled(), fusion());
      QaEvaluation evaluation =
          new QaEvaluation(
              searcher,
              AbstentionModel.calibrated(),
              answers ? Optional.of(EnvironmentAnswers.over(searcher, calls)) : Optional.empty());
      // Through picocli's writer, so that callers (and tests) that redirect it get the report.
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
      if (calibrate) {
        evaluation.calibrate(loaded, out);
      } else {
        Map<String, Object> summary = evaluation.report(loaded, out, trace ? System.err : null);
        out.println(QaEvaluation.json(summary));
      }
      spec.commandLine().getOut().print(report.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    } finally {
      calls.shutdownNow();
    }
    return 0;
  }

  /** An expected source the index does not hold can never be found: usually a path typo. */
  private void warnAboutUnknownSources(List<EvalQuestion> questions, Set<String> indexed) {
    List<String> unknown =
        questions.stream()
            .flatMap(question -> question.expected().stream())
            .filter(source -> !indexed.contains(source))
            .distinct()
            .toList();
    if (!unknown.isEmpty()) {
      spec.commandLine()
          .getErr()
          .printf(
              "warning: %d expected source(s) are not in the index of %s, so they can never be"
                  + " found (paths are relative to the docs folder): %s%n",
              unknown.size(),
              options.docs,
              String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))));
    }
  }

  private Fusion fusion() {
    if (fusion.equals("rrf")) {
      return Fusion.rrf();
    }
    if (fusion.startsWith("blend:")) {
      return Fusion.blend(Double.parseDouble(fusion.substring("blend:".length())));
    }
    return Fusion.standard();
  }
}
