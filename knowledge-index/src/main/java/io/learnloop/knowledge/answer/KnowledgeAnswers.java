package io.learnloop.knowledge.answer;

import io.learnloop.knowledge.search.AbstentionModel;
import io.learnloop.knowledge.search.AccessScope;
import io.learnloop.knowledge.search.ChunkHit;
import io.learnloop.knowledge.search.DocumentHit;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.PreparedQuery;
import io.learnloop.knowledge.search.ReplyGate;
import io.learnloop.knowledge.search.RetrievalMode;
import io.learnloop.knowledge.search.SearchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question from the docs: retrieve, weigh the evidence, then answer with the language
 * model when one is configured and answers in time, else extractively. Evidence too weak for the
 * passages alone is still put to a language model, which reads them and may say they do not answer;
 * when it says so, LearnLoop abstains rather than show the passages.
 */
public final class KnowledgeAnswers {

  /** Longer questions are refused: they are pasted documents, not questions. */
  public static final int MAX_QUESTION_CHARS = 2000;

  static final int MAX_CITATIONS = 3;

  /** A document is cited only when it scores at least this share of the best document's score. */
  static final double CITATION_SHARE = 0.5;

  /** A question needs at least two letters in a row; "2", "??" or an emoji are not questions. */
  private static final java.util.regex.Pattern NOT_A_QUESTION =
      java.util.regex.Pattern.compile("\\p{L}{2}");

  private static final Logger log = LoggerFactory.getLogger(KnowledgeAnswers.class);

  private final HybridSearcher searcher;
  private final AbstentionModel abstention;
  private final ReplyGate gate;
  private final ExtractiveAnswerer extractive = new ExtractiveAnswerer();
  private final Optional<LlmAnswerer> llm;
  private final Duration llmBudget;
  private final ExecutorService llmExecutor;

  /**
   * @param llmExecutor runs language-model calls so that they can be abandoned after {@code
   *     llmBudget}; unused without a model
   */
  public KnowledgeAnswers(
      HybridSearcher searcher,
      AbstentionModel abstention,
      Optional<LlmAnswerer> llm,
      Duration llmBudget,
      ExecutorService llmExecutor) {
    this(searcher, abstention, ReplyGate.calibrated(), llm, llmBudget, llmExecutor);
  }

  /**
   * @param gate decides, without a language model, whether the chosen reply is given, given with a
   *     caveat, or withheld
   */
  public KnowledgeAnswers(
      HybridSearcher searcher,
      AbstentionModel abstention,
      ReplyGate gate,
      Optional<LlmAnswerer> llm,
      Duration llmBudget,
      ExecutorService llmExecutor) {
    this.searcher = searcher;
    this.abstention = abstention;
    this.gate = gate;
    this.llm = llm;
    this.llmBudget = llmBudget;
    this.llmExecutor = llmExecutor;
  }

  /**
   * @param language {@code en} or {@code id}: the language of the answer's own words
   * @throws IllegalArgumentException for an empty question or one over {@link #MAX_QUESTION_CHARS}
   */
  public Answer ask(String question, AccessScope scope, String language) {
    String trimmed = question == null ? "" : question.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("The question is empty");
    }
    if (trimmed.length() > MAX_QUESTION_CHARS) {
      throw new IllegalArgumentException(
          "The question has "
              + trimmed.length()
              + " characters; the limit is "
              + MAX_QUESTION_CHARS);
    }
    if (!NOT_A_QUESTION.matcher(trimmed).find()) {
      // A bare number or emoji would otherwise be answered with whatever passage matches "2".
      return new Answer(
          AnswerText.get(language, "not.a.question"), Answer.EXTRACTIVE, true, List.of(), language);
    }
    SearchResult result =
        searcher.search(rewritten(searcher.prepare(trimmed)), scope, RetrievalMode.HYBRID, 10);
    if (result.documents().isEmpty()) {
      return abstained(Answer.EXTRACTIVE, language);
    }
    if (llm.isEmpty()) {
      return gated(result, scope, language);
    }
    AbstentionModel.Verdict verdict = abstention.verdict(result.evidence());
    if (verdict == AbstentionModel.Verdict.ABSTAIN) {
      return abstained(Answer.EXTRACTIVE, language);
    }
    List<DocumentHit> cited = cited(result.documents());
    List<ChunkHit> passages = cited.stream().map(DocumentHit::bestQuotable).toList();
    Optional<LlmAnswerer.Reply> reply = llmAnswer(trimmed, passages, language);
    if (reply.isPresent() && reply.get().kind() == LlmAnswerer.Reply.Kind.WRITTEN) {
      return new Answer(reply.get().text(), Answer.LLM, false, citations(cited), language);
    }
    if (reply.isPresent() && reply.get().kind() == LlmAnswerer.Reply.Kind.NOT_IN_SOURCES) {
      return abstained(Answer.LLM, language);
    }
    if (verdict == AbstentionModel.Verdict.ASK_MODEL) {
      // The model could not judge, and the passages alone are too weak to answer from.
      return abstained(Answer.EXTRACTIVE, language);
    }
    return extractive(
        result,
        cited,
        scope,
        language,
        verdict == AbstentionModel.Verdict.ANSWER_UNSURE,
        reply.isEmpty());
  }

  /**
   * The extractive reply a person gets without a language model, before the {@link ReplyGate}
   * decides whether to give it, and what the gate reads; empty when nothing was found or the text
   * is not a question. Evaluation fits the gate on these.
   *
   * @param evidence the abstention model's probability that the documents answer
   */
  public record Draft(String text, double evidence, double leadCoverage) {}

  /** The {@link Draft} for a question, as {@link #ask} would form it without a language model. */
  public Optional<Draft> draft(String question, AccessScope scope, String language) {
    String trimmed = question.strip();
    if (!NOT_A_QUESTION.matcher(trimmed).find()) {
      return Optional.empty();
    }
    SearchResult result = searcher.search(trimmed, scope, RetrievalMode.HYBRID, 10);
    return result.documents().isEmpty()
        ? Optional.empty()
        : Optional.of(draftOf(result, cited(result.documents()), scope, language));
  }

  private Draft draftOf(
      SearchResult result, List<DocumentHit> cited, AccessScope scope, String language) {
    ExtractiveAnswerer.Extract extract =
        extractive.answer(
            result.query(),
            withWholeFirstDocument(cited, scope),
            language,
            false,
            searcher::rarity);
    return new Draft(
        extract.text(), abstention.answerable(result.evidence()), extract.leadCoverage());
  }

  /** Without a language model: the reply the gate lets through, with a caveat, or none. */
  private Answer gated(SearchResult result, AccessScope scope, String language) {
    List<DocumentHit> cited = cited(result.documents());
    Draft draft = draftOf(result, cited, scope, language);
    AbstentionModel.Verdict verdict = gate.verdict(draft.evidence(), draft.leadCoverage());
    if (verdict == AbstentionModel.Verdict.ABSTAIN) {
      return abstained(Answer.EXTRACTIVE, language);
    }
    return extractive(
        result, cited, scope, language, verdict == AbstentionModel.Verdict.ANSWER_UNSURE, false);
  }

  private Answer extractive(
      SearchResult result,
      List<DocumentHit> cited,
      AccessScope scope,
      String language,
      boolean unsure,
      boolean modelSilent) {
    ExtractiveAnswerer.Extract extract =
        extractive.answer(
            result.query(),
            withWholeFirstDocument(cited, scope),
            language,
            unsure,
            searcher::rarity);
    List<DocumentHit> quoted = extract.quoted().stream().map(cited::get).toList();
    StringBuilder text = new StringBuilder(extract.text());
    if ("id".equals(language) && extract.passages().stream().noneMatch(this::indonesian)) {
      text.append("\n").append(AnswerText.get(language, "sources.english.only"));
    }
    if (modelSilent) {
      text.append("\n").append(AnswerText.get(language, "llm.unavailable"));
    }
    List<Citation> citations = new ArrayList<>();
    for (int i = 0; i < quoted.size(); i++) {
      citations.add(citation(quoted.get(i), extract.passages().get(i)));
    }
    return new Answer(
        text.toString(), Answer.EXTRACTIVE, false, citations, language, extract.unsure());
  }

  /**
   * The cited documents with every passage of the first one, its matching passages first: the
   * sentence that answers may sit in a section of the right page that the question's words missed.
   */
  private List<DocumentHit> withWholeFirstDocument(List<DocumentHit> cited, AccessScope scope) {
    DocumentHit first = cited.get(0);
    java.util.Set<String> matched = new java.util.HashSet<>();
    first.passages().forEach(p -> matched.add(p.id()));
    List<ChunkHit> passages = new ArrayList<>(first.passages());
    for (ChunkHit passage : searcher.passagesOf(first.source(), scope)) {
      if (!passage.overview() && matched.add(passage.id())) {
        passages.add(passage);
      }
    }
    List<DocumentHit> widened = new ArrayList<>(cited);
    widened.set(0, new DocumentHit(first.source(), first.title(), first.score(), passages));
    return widened;
  }

  private static Answer abstained(String mode, String language) {
    return new Answer(AnswerText.get(language, "abstain"), mode, true, List.of(), language);
  }

  private static List<Citation> citations(List<DocumentHit> documents) {
    return documents.stream().map(hit -> citation(hit, hit.bestQuotable())).toList();
  }

  /** A document cited for one of its passages: the link goes to that passage's section. */
  private static Citation citation(DocumentHit hit, ChunkHit passage) {
    return new Citation(hit.source(), hit.title(), passage.section(), passage.url(), hit.score());
  }

  /** Whether a passage is in Bahasa Indonesia: as its page declares, else by its words. */
  private boolean indonesian(ChunkHit passage) {
    return passage.language().isBlank()
        ? searcher.prepare(passage.text()).indonesian()
        : passage.language().startsWith("id");
  }

  /**
   * With a language model, an Indonesian question is searched with the model's English rewrite
   * rather than the glossary's word-by-word one; a slow or failed rewrite keeps the glossary's.
   */
  private PreparedQuery rewritten(PreparedQuery query) {
    if (!query.indonesian() || llm.isEmpty()) {
      return query;
    }
    Duration budget = llmBudget.dividedBy(3);
    return withBudget(
            () -> llm.get().englishSearchQuery(query.original()), budget, "rewriting the question")
        .map(
            english ->
                new PreparedQuery(query.original(), true, english, query.expansions(), List.of()))
        .orElse(query);
  }

  private Optional<LlmAnswerer.Reply> llmAnswer(
      String question, List<ChunkHit> passages, String language) {
    return withBudget(
        () -> Optional.of(llm.get().answer(question, passages, language)), llmBudget, "answering");
  }

  private <T> Optional<T> withBudget(Supplier<Optional<T>> work, Duration budget, String task) {
    CompletableFuture<Optional<T>> call = CompletableFuture.supplyAsync(work, llmExecutor);
    try {
      return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      call.cancel(true);
      log.warn(
          "Language model failed {} ({}); going on without it",
          task,
          e.getCause() == null ? e.toString() : e.getCause().toString());
      return Optional.empty();
    }
  }

  private static List<DocumentHit> cited(List<DocumentHit> documents) {
    double best = documents.get(0).score();
    List<DocumentHit> cited = new ArrayList<>();
    for (DocumentHit hit : documents) {
      if (cited.size() < MAX_CITATIONS && hit.score() >= CITATION_SHARE * best) {
        cited.add(hit);
      }
    }
    return cited;
  }
}
