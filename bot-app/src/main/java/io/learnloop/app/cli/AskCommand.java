package io.learnloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.app.knowledge.AskResponse;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.knowledge.answer.Answer;
import io.learnloop.knowledge.answer.Citation;
import io.learnloop.knowledge.answer.KnowledgeAnswers;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.search.AccessScope;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "ask",
    description =
        "Answer a question from a docs folder, with citations. Uses the language model set in LEARNLOOP_LLM_* if any.")
final class AskCommand implements Callable<Integer> {

  @Mixin IndexOptions options;

  @Option(names = "--json", description = "Print the answer as the JSON of POST /api/ask.")
  boolean json;

  @Parameters(index = "0", description = "The question, in English or Bahasa Indonesia.")
  String question;

  @Override
  public Integer call() throws Exception {
    ExecutorService calls = Executors.newCachedThreadPool();
    try (KnowledgeIndex index = options.openUpToDate(System.err)) {
      KnowledgeAnswers answers = EnvironmentAnswers.over(index, calls);
      Answer answer;
      try {
        answer = answers.ask(question, AccessScope.publicOnly(), Language.detect(question).code());
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      if (json) {
        System.out.println(new ObjectMapper().writeValueAsString(AskResponse.of(answer)));
      } else {
        System.out.println(answer.text());
        for (int i = 0; i < answer.citations().size(); i++) {
          Citation c = answer.citations().get(i);
          System.out.printf(
              "[%d] %s%s — %s%n",
              i + 1,
              c.title(),
              c.section().isEmpty() ? "" : " › " + c.section(),
              c.url().isEmpty() ? c.source() : c.url());
        }
      }
    } finally {
      calls.shutdownNow();
    }
    return 0;
  }
}
