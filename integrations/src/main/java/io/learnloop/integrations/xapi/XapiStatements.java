package io.learnloop.integrations.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.LessonViewed;
import io.learnloop.dialog.learning.RecordAnswer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns answers and lessons into xAPI 1.0.3 statements. A statement's id is a name-based UUID of
 * what it reports (the answer's id; the learner, section and time of a lesson), so a statement
 * built again after a crash has the same id and the LRS keeps one.
 */
public final class XapiStatements {

  static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
  static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
  static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  static final String LESSON = "http://adlnet.gov/expapi/activities/lesson";
  static final String SKILL = "http://adlnet.gov/expapi/activities/objective";

  // Where a person's account lives, for the channels whose accounts have a home of their own.
  private static final Map<String, String> HOME_PAGES =
      Map.of("slack", "https://slack.com", "teams", "https://teams.microsoft.com");
  private static final List<String> PREFERRED = List.of("slack", "teams", "web");

  private final ObjectMapper json = new ObjectMapper();
  private final ActivityIds activities;
  private final String webHomePage;

  /**
   * @param webHomePage the home page of web-chat accounts: the bot's public URL
   */
  public XapiStatements(ActivityIds activities, String webHomePage) {
    this.activities = Objects.requireNonNull(activities, "activities");
    this.webHomePage = Objects.requireNonNull(webHomePage, "webHomePage");
  }

  /**
   * @param item the quiz item answered; empty when the content no longer has it
   * @param learner the learner's profile; empty when it could not be read
   */
  public XapiStatement answered(
      RecordAnswer recorded, Optional<Item> item, Optional<Learner> learner) {
    AnswerEvent answer = recorded.answer();
    ObjectNode statement = json.createObjectNode();
    statement.put("id", answerStatementId(answer.id()));
    statement.set("actor", actor(answer.learner(), learner));
    statement.set("verb", verb(ANSWERED, "answered"));
    ObjectNode object = activity(activities.item(answer.item()));
    ObjectNode definition = object.putObject("definition");
    item.ifPresent(i -> definition.set("name", text(i.language().code(), i.question())));
    definition.put("type", INTERACTION);
    definition.put("interactionType", "choice");
    item.ifPresent(
        i -> {
          definition.putArray("correctResponsesPattern").add(choiceId(i.answer()));
          ArrayNode choices = definition.putArray("choices");
          for (int c = 0; c < i.choices().size(); c++) {
            choices
                .addObject()
                .put("id", choiceId(c))
                .set("description", text(i.language().code(), i.choices().get(c)));
          }
        });
    statement.set("object", object);
    ObjectNode result = statement.putObject("result");
    result.put("success", answer.correct());
    result.put("response", choiceId(answer.choice()));
    result.put("duration", answer.responseTime().truncatedTo(ChronoUnit.MILLIS).toString());
    ObjectNode context = context(recorded.skills());
    item.ifPresent(i -> context.put("language", i.language().code()));
    statement.set("context", context);
    statement.put("timestamp", answer.at().truncatedTo(ChronoUnit.MILLIS).toString());
    return XapiStatement.of(statement);
  }

  /**
   * @param learner the learner's profile; empty when it could not be read
   */
  public XapiStatement experienced(LessonViewed lesson, Optional<Learner> learner) {
    ObjectNode statement = json.createObjectNode();
    statement.put(
        "id",
        uuid(
            "learnloop:lesson:"
                + lesson.learner().value()
                + ":"
                + lesson.source()
                + ":"
                + lesson.at()));
    statement.set("actor", actor(lesson.learner(), learner));
    statement.set("verb", verb(EXPERIENCED, "experienced"));
    ObjectNode object = activity(activities.section(lesson.source()));
    ObjectNode definition = object.putObject("definition");
    definition.set("name", text(lesson.language().code(), lesson.title()));
    definition.put("type", LESSON);
    statement.set("object", object);
    ObjectNode context = context(Set.of(lesson.skill()));
    context.put("language", lesson.language().code());
    statement.set("context", context);
    statement.put("timestamp", lesson.at().truncatedTo(ChronoUnit.MILLIS).toString());
    return XapiStatement.of(statement);
  }

  // A verified email names the person across systems; otherwise the account of one channel, the
  // same one every time so that the LRS sees one person.
  private ObjectNode actor(LearnerId id, Optional<Learner> learner) {
    ObjectNode actor = json.createObjectNode().put("objectType", "Agent");
    Map<String, String> identities = learner.map(Learner::identities).orElse(Map.of());
    String email = identities.get(Enrollment.EMAIL);
    if (email != null) {
      return actor.put("mbox", "mailto:" + email);
    }
    Optional<String> channel =
        identities.keySet().stream()
            .filter(c -> !c.equals(Enrollment.EMAIL))
            .min(Comparator.comparingInt(XapiStatements::preference).thenComparing(c -> c));
    ObjectNode account = actor.putObject("account");
    if (channel.isPresent()) {
      account.put("homePage", HOME_PAGES.getOrDefault(channel.get(), webHomePage));
      account.put("name", channel.get() + ":" + identities.get(channel.get()));
    } else {
      account.put("homePage", webHomePage);
      account.put("name", "learner:" + id.value());
    }
    return actor;
  }

  private static int preference(String channel) {
    int at = PREFERRED.indexOf(channel);
    return at < 0 ? PREFERRED.size() : at;
  }

  private ObjectNode verb(String id, String display) {
    ObjectNode verb = json.createObjectNode().put("id", id);
    verb.putObject("display").put("en-US", display);
    return verb;
  }

  private ObjectNode activity(String id) {
    return json.createObjectNode().put("objectType", "Activity").put("id", id);
  }

  private ObjectNode context(Set<SkillId> skills) {
    ObjectNode context = json.createObjectNode().put("platform", "LearnLoop");
    ArrayNode grouping = context.putObject("contextActivities").putArray("grouping");
    skills.stream()
        .map(SkillId::value)
        .sorted()
        .forEach(
            skill ->
                grouping
                    .addObject()
                    .put("objectType", "Activity")
                    .put("id", activities.skill(new SkillId(skill)))
                    .putObject("definition")
                    .put("type", SKILL));
    return context;
  }

  private ObjectNode text(String language, String value) {
    return json.createObjectNode().put(language, value);
  }

  private static String choiceId(int index) {
    return "choice-" + (index + 1);
  }

  /** The id of an answer's statement: the same for every report of the same answer. */
  static String answerStatementId(AnswerId answer) {
    return uuid("learnloop:answer:" + answer.value());
  }

  static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
