package io.learnloop.integrations.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the core's replies as Adaptive Cards (version 1.4, for Universal Actions). Every button
 * is an {@code Action.Execute} whose {@code verb} is the core's action id, with an {@code
 * Action.Submit} fallback for clients without Universal Actions; both carry {@code {"action": id,
 * "value": value}} in their data. A notice without buttons is a plain Markdown message.
 */
public final class AdaptiveCardRenderer {

  /** A message as the Bot Connector takes it: Markdown text, or a card with its fallback text. */
  public record TeamsMessage(String text, Optional<ObjectNode> card) {}

  static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String VERSION = "1.4";

  /** Name of the card input that holds the chosen answer of a question card. */
  static final String CHOICE_INPUT = "choice";

  // Teams refuses messages above about 28 KB; text beyond this is cut with a note.
  static final int MAX_TEXT = 18_000;
  static final int MAX_CITATIONS = 10;
  private static final Set<String> CHOICE_ACTIONS =
      Set.of(ActionIds.QUIZ_CHOICE, ActionIds.ROUND_CHOICE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Logger log = LoggerFactory.getLogger(AdaptiveCardRenderer.class);

  private final Function<String, Optional<String>> links;
  private final Function<String, Optional<String>> names;
  private final NudgeCharts charts;

  /**
   * @param publicBaseUrl where relative citation links ({@code /docs/...}) are served for people
   *     outside this machine; without it such links are shown as titles only
   * @param names a Teams user's display name by their learner key, when known, for leaderboards
   */
  public AdaptiveCardRenderer(
      Optional<String> publicBaseUrl, Function<String, Optional<String>> names) {
    this(publicBaseUrl, names, NudgeCharts.none());
  }

  /**
   * @param charts draws a manager's nudge as a chart, shown in the nudge's card
   */
  public AdaptiveCardRenderer(
      Optional<String> publicBaseUrl,
      Function<String, Optional<String>> names,
      NudgeCharts charts) {
    this.charts = Objects.requireNonNull(charts, "charts");
    Optional<String> base =
        publicBaseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.links =
        url -> {
          if (url.startsWith("https://") || url.startsWith("http://")) {
            return Optional.of(url);
          }
          return url.startsWith("/") ? base.map(b -> b + url) : Optional.empty();
        };
    this.names = names;
  }

  /**
   * @param echoQuestion show an answer's question above it, for readers who did not see it asked
   */
  public TeamsMessage render(Reply reply, boolean echoQuestion) {
    if (reply instanceof Reply.Notice notice && notice.actions().isEmpty()) {
      return new TeamsMessage(
          bounded(lineBreaks(icon(notice) + notice.text()), reply.language()), Optional.empty());
    }
    ObjectNode card = card(reply.fallbackText());
    ArrayNode body = card.putArray("body");
    ArrayNode actions = card.putArray("actions");
    if (reply instanceof Reply.Answer answer) {
      answer(answer, echoQuestion, body, actions);
    } else if (reply instanceof Reply.QuizQuestion question) {
      question(question, body, actions);
    } else if (reply instanceof Reply.QuizFeedback feedback) {
      feedback(feedback, body, actions);
    } else if (reply instanceof Reply.Lesson lesson) {
      body.add(text(lesson.intro()));
      body.add(subtle("📖 " + citationLink(lesson.source())));
      lesson
          .course()
          .ifPresent(
              course ->
                  body.add(subtle("🎓 " + link(course.url(), course.label(lesson.language())))));
      buttons(lesson.actions(), actions);
    } else if (reply instanceof Reply.Notice notice) {
      body.add(text(icon(notice) + notice.text()));
      buttons(notice.actions(), actions);
    } else if (reply instanceof Reply.Progress progress) {
      progress(progress, body);
    } else if (reply instanceof Reply.RoundResult result) {
      roundResult(result, body);
    } else if (reply instanceof Reply.Export export) {
      body.add(text(export.text()));
    } else if (reply instanceof Reply.ManagerNudge nudge) {
      nudge(nudge, body);
      chart(nudge).ifPresent(image -> body.insert(2, image));
      openUrl(
          nudge.dashboardPath(), Messages.get(nudge.language(), "render.nudge-dashboard"), actions);
    } else if (reply instanceof Reply.SettingsForm form) {
      settings(form, body, actions);
    } else if (reply instanceof Reply.QuestionForExperts question) {
      questionForExperts(question, body, actions);
    } else if (reply instanceof Reply.ExpertReplied replied) {
      body.add(
          text(
              "**"
                  + Messages.get(
                      replied.language(),
                      "render.expert-replied",
                      nameOf(replied.expert(), replied.language()),
                      replied.question())
                  + "**"));
      body.add(text(replied.text()));
      openUrl(
          replied.link(), Messages.get(replied.language(), "render.expert-open-reply"), actions);
    }
    if (actions.isEmpty()) {
      card.remove("actions");
    }
    return new TeamsMessage(reply.fallbackText(), Optional.of(card));
  }

  /**
   * The nudge's chart as an Image with a data URI: a 1:1 chat shows it inline, it needs no URL on
   * this server that Teams clients would have to reach unauthenticated, and Teams does not count
   * base64 images against the message size limit.
   */
  private Optional<ObjectNode> chart(Reply.ManagerNudge nudge) {
    try {
      return charts
          .of(nudge)
          .map(
              chart -> {
                ObjectNode image = JSON.createObjectNode();
                image.put("type", "Image");
                image.put(
                    "url",
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(chart.png()));
                image.put("altText", chart.altText());
                image.put("size", "Stretch");
                return image;
              });
    } catch (RuntimeException e) {
      log.warn("The nudge's chart could not be drawn: {}", e.toString());
      return Optional.empty();
    }
  }

  /** The same reply as plain text: the retry after Teams refused the card. */
  public TeamsMessage plain(Reply reply) {
    return new TeamsMessage(
        bounded(lineBreaks(reply.fallbackText()), reply.language()), Optional.empty());
  }

  private void answer(
      Reply.Answer answer, boolean echoQuestion, ArrayNode body, ArrayNode actions) {
    Language language = answer.language();
    if (echoQuestion && !answer.question().isBlank()) {
      body.add(subtle(Messages.get(language, "render.you-asked", answer.question())));
    }
    body.add(text(bounded(answer.text(), language)));
    List<Citation> citations = answer.citations();
    if (!citations.isEmpty()) {
      body.add(
          text("**" + Messages.get(language, "render.sources") + "**").put("spacing", "Medium"));
      for (int i = 0; i < citations.size() && i < MAX_CITATIONS; i++) {
        body.add(subtle("[" + (i + 1) + "] " + citationLink(citations.get(i))));
      }
    }
    buttons(answer.actions(), actions);
  }

  // Only public sources ever reach this card: everyone in the experts' channel reads it.
  private void questionForExperts(
      Reply.QuestionForExperts question, ArrayNode body, ArrayNode actions) {
    Language language = question.language();
    body.add(
        text(
            "**"
                + Messages.get(language, "render.experts-asked", nameOf(question.asker(), language))
                + "**"));
    body.add(text(bounded(question.question(), language)));
    body.add(
        text("**"
                + Messages.get(
                    language,
                    question.sources().isEmpty()
                        ? "render.experts-found-nothing"
                        : "render.experts-found")
                + "**")
            .put("spacing", "Medium"));
    for (int i = 0; i < question.sources().size() && i < MAX_CITATIONS; i++) {
      body.add(subtle("[" + (i + 1) + "] " + citationLink(question.sources().get(i))));
    }
    body.add(subtle(Messages.get(language, "render.experts-reply-here")).put("spacing", "Medium"));
    openUrl(question.link(), Messages.get(language, "render.experts-open-question"), actions);
  }

  /** A person by the name Teams last gave for them; never their id. */
  private String nameOf(io.learnloop.dialog.channel.ChannelUser user, Language language) {
    return names.apply(user.key()).orElse(Messages.get(language, "render.teammate"));
  }

  private void openUrl(String url, String title, ArrayNode actions) {
    links
        .apply(url)
        .filter(u -> u.startsWith("https://") && u.length() <= 2000)
        .ifPresent(
            u ->
                actions
                    .addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", title)
                    .put("url", u));
  }

  private void question(Reply.QuizQuestion question, ArrayNode body, ArrayNode actions) {
    if (!question.reason().isBlank()) {
      body.add(subtle(question.reason()));
    }
    body.add(text("**" + question.stem() + "**"));
    question
        .course()
        .ifPresent(
            course ->
                body.add(subtle("🎓 " + link(course.url(), course.label(question.language())))));
    choices(question.choices(), question.language(), body, actions);
  }

  // Choices are radio buttons under one "Answer" button: Teams cuts long button titles, a choice
  // set wraps them.
  private static void choices(
      List<Action> choices, Language language, ArrayNode body, ArrayNode actions) {
    String actionId = choices.get(0).id();
    if (!CHOICE_ACTIONS.contains(actionId)
        || choices.stream().anyMatch(c -> !c.id().equals(actionId))) {
      buttons(choices, actions);
      return;
    }
    ObjectNode set = body.addObject();
    set.put("type", "Input.ChoiceSet");
    set.put("id", CHOICE_INPUT);
    set.put("style", "expanded");
    set.put("wrap", true);
    set.put("isRequired", true);
    set.put("errorMessage", Messages.get(language, "render.pick-one"));
    ArrayNode options = set.putArray("choices");
    for (Action choice : choices) {
      options.addObject().put("title", choice.label()).put("value", choice.value());
    }
    actions.add(
        execute(
            new Action(actionId, "", Messages.get(language, "render.answer"), Action.Style.PRIMARY),
            false));
  }

  private void feedback(Reply.QuizFeedback feedback, ArrayNode body, ArrayNode actions) {
    Language language = feedback.language();
    body.add(text("**" + feedback.stem() + "**"));
    for (int i = 0; i < feedback.choices().size(); i++) {
      String mark = i == feedback.correctChoice() ? "✅" : i == feedback.chosen() ? "❌" : "▫️";
      String yours =
          i == feedback.chosen()
              ? " _(" + Messages.get(language, "render.choice-yours") + ")_"
              : "";
      body.add(text(mark + " " + feedback.choices().get(i) + yours).put("spacing", "Small"));
    }
    body.add(
        text("**" + feedback.headline() + "**")
            .put("color", feedback.right() ? "Good" : "Attention")
            .put("spacing", "Medium"));
    if (!feedback.explanation().isBlank()) {
      body.add(text(feedback.explanation()));
    }
    if (!feedback.note().isBlank()) {
      body.add(subtle(feedback.note()));
    }
    body.add(subtle("📖 " + citationLink(feedback.readMore())));
    buttons(feedback.actions(), actions);
  }

  private void progress(Reply.Progress progress, ArrayNode body) {
    Language language = progress.language();
    body.add(text(progress.title()).put("size", "Large").put("weight", "Bolder"));
    body.add(
        subtle(
            Messages.get(
                language,
                "render.streak",
                progress.streakDays(),
                progress.points(),
                progress.reviewsDue())));
    for (Reply.Progress.SkillLine skill : progress.skills()) {
      String icon = skill.mastery() >= skill.target() ? "🟢" : "🟡";
      body.add(
          text(icon
                  + " "
                  + Messages.get(
                      language,
                      "render.skill-line",
                      skill.skill(),
                      Math.round(skill.mastery() * 100),
                      Math.round(skill.target() * 100)))
              .put("spacing", "Small"));
    }
    if (!progress.summary().isBlank()) {
      body.add(subtle(progress.summary()));
    }
  }

  private void roundResult(Reply.RoundResult result, ArrayNode body) {
    Language language = result.language();
    body.add(text("**" + result.stem() + "**"));
    for (int i = 0; i < result.choices().size(); i++) {
      String mark = i == result.correctChoice() ? "✅ " : "▫️ ";
      body.add(
          text(mark
                  + result.choices().get(i)
                  + " · "
                  + Messages.get(language, "render.counts", result.counts().get(i)))
              .put("spacing", "Small"));
    }
    body.add(text("**" + result.headline() + "**").put("spacing", "Medium"));
    if (!result.explanation().isBlank()) {
      body.add(text(result.explanation()));
    }
    if (!result.leaderboard().isEmpty()) {
      body.add(text("**" + Messages.get(language, "render.leaderboard") + "**"));
      for (int i = 0; i < result.leaderboard().size() && i < 10; i++) {
        Reply.RoundResult.Standing standing = result.leaderboard().get(i);
        String name =
            names.apply(standing.learner()).orElse(Messages.get(language, "render.teammate"));
        body.add(
            text((i + 1)
                    + ". "
                    + Messages.get(
                        language,
                        "render.standing",
                        name,
                        standing.points(),
                        standing.streakDays()))
                .put("spacing", "None"));
      }
    }
    body.add(subtle("📖 " + citationLink(result.readMore())));
  }

  private static void nudge(Reply.ManagerNudge nudge, ArrayNode body) {
    Language language = nudge.language();
    body.add(text(nudge.title()).put("size", "Large").put("weight", "Bolder"));
    body.add(text(nudge.summary()));
    List<String> skills = new java.util.ArrayList<>();
    for (Reply.ManagerNudge.TeamSkill skill : nudge.skills()) {
      skills.add(
          (skill.mastery() >= skill.target() ? "🟢 " : "🟡 ")
              + Messages.get(
                  language,
                  "render.nudge-skill-line",
                  skill.skill(),
                  Math.round(skill.mastery() * 100),
                  Math.round(skill.uncertainty() * 100),
                  Math.round(skill.target() * 100),
                  skill.atTarget(),
                  skill.learners()));
    }
    headed(language, "render.nudge-skills", skills, body);
    List<String> weakest = new java.util.ArrayList<>();
    for (Reply.ManagerNudge.WeakSkill weak : nudge.weakest()) {
      weakest.add("**" + weak.skill() + "**");
      for (Reply.ManagerNudge.MissedItem missed : weak.mostMissed()) {
        weakest.add(
            "- "
                + Messages.get(
                    language,
                    "render.nudge-missed",
                    missed.question(),
                    missed.misses(),
                    missed.learners()));
      }
    }
    headed(language, "render.nudge-weakest", weakest, body);
    headed(
        language,
        "render.nudge-inactive",
        nudge.inactive().stream()
            .map(
                r ->
                    "- "
                        + (r.daysInactive().isPresent()
                            ? Messages.get(
                                language,
                                "render.nudge-inactive-days",
                                r.name(),
                                r.daysInactive().getAsInt())
                            : Messages.get(language, "render.nudge-never", r.name())))
            .toList(),
        body);
    List<String> prompts = new java.util.ArrayList<>();
    for (int i = 0; i < nudge.prompts().size(); i++) {
      prompts.add((i + 1) + ". " + nudge.prompts().get(i));
    }
    headed(language, "render.nudge-prompts", prompts, body);
  }

  private static void headed(
      Language language, String heading, List<String> lines, ArrayNode body) {
    if (lines.isEmpty()) {
      return;
    }
    body.add(
        text("**" + Messages.get(language, heading) + "**")
            .put("spacing", "Medium")
            .put("separator", true));
    // One block per section keeps Teams' line breaks; Markdown needs a blank line between items.
    body.add(text(String.join("\n\n", lines)).put("spacing", "Small"));
  }

  private static void buttons(List<Action> buttons, ArrayNode actions) {
    for (Action action : buttons) {
      actions.add(execute(action, true));
    }
  }

  private static ObjectNode execute(Action action, boolean withValue) {
    ObjectNode execute = JSON.createObjectNode();
    execute.put("type", "Action.Execute");
    execute.put("title", action.label());
    execute.put("verb", action.id());
    ObjectNode data = execute.putObject("data");
    data.put("action", action.id());
    if (withValue) {
      data.put("value", action.value());
    }
    if (action.style() == Action.Style.PRIMARY) {
      execute.put("style", "positive");
    } else if (action.style() == Action.Style.DANGER) {
      execute.put("style", "destructive");
    }
    ObjectNode submit = JSON.createObjectNode();
    submit.put("type", "Action.Submit");
    submit.put("title", action.label());
    submit.set("data", data.deepCopy());
    execute.set("fallback", submit);
    return execute;
  }

  private static ObjectNode card(String fallbackText) {
    ObjectNode card = JSON.createObjectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", VERSION);
    card.put(
        "fallbackText",
        fallbackText.length() <= 1000 ? fallbackText : fallbackText.substring(0, 999) + "…");
    card.putObject("msteams").put("width", "Full");
    return card;
  }

  private static ObjectNode text(String markdown) {
    ObjectNode block = JSON.createObjectNode();
    block.put("type", "TextBlock");
    block.put("text", lineBreaks(markdown));
    block.put("wrap", true);
    return block;
  }

  // Markdown joins single lines into one paragraph: the core's lines stay lines, its "• " lines
  // become a list.
  static String lineBreaks(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    boolean previousItem = false;
    for (String line : text.strip().split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      boolean item = trimmed.startsWith("• ") || trimmed.startsWith("- ");
      if (!out.isEmpty()) {
        out.append(item && previousItem ? "\n" : "\n\n");
      }
      out.append(item ? "- " + trimmed.substring(2) : trimmed);
      previousItem = item;
    }
    return out.toString();
  }

  private static ObjectNode subtle(String markdown) {
    return text(markdown).put("isSubtle", true).put("size", "Small");
  }

  private static String icon(Reply.Notice notice) {
    return switch (notice.kind()) {
      case UNAVAILABLE -> "⚠️ ";
      case NOT_ALLOWED -> "🚫 ";
      case INVALID -> "❔ ";
      default -> "";
    };
  }

  private String citationLink(Citation citation) {
    String label =
        citation.section().isBlank()
            ? citation.title()
            : citation.title() + " › " + citation.section();
    return link(citation.url(), label);
  }

  /**
   * A Markdown link to {@code url} labelled {@code label}, or the label alone where there is none.
   */
  private String link(String url, String label) {
    String shown = label.replace("[", "(").replace("]", ")");
    return links
        .apply(url)
        .filter(u -> u.length() <= 2000)
        .map(u -> "[" + shown + "](" + u.replace(")", "%29").replace(" ", "%20") + ")")
        .orElse(shown);
  }

  private static String bounded(String text, Language language) {
    return text.length() <= MAX_TEXT
        ? text
        : text.substring(0, MAX_TEXT - 1)
            + "… _"
            + Messages.get(language, "render.truncated")
            + "_";
  }

  /** The value the card sent back with an invoked action: its own, or the chosen answer. */
  /** The verb of the settings card's "Save": its inputs come with it, by the form's field names. */
  static final String SAVE_SETTINGS = "settings.save";

  // The settings as the card's own inputs; "Save" sends them all, and the saved settings replace
  // the card.
  private static void settings(Reply.SettingsForm form, ArrayNode body, ArrayNode actions) {
    Language language = form.language();
    body.add(text(form.summary()));
    ObjectNode time = body.addObject();
    time.put("type", "Input.Time");
    time.put("id", Reply.SettingsForm.TIME);
    time.put("label", Messages.get(language, "settings.field-time"));
    time.put("value", form.quizAt().toString());
    time.put("isRequired", true);
    time.put("errorMessage", Messages.get(language, "settings.bad-time"));
    ObjectNode days = body.addObject();
    days.put("type", "Input.ChoiceSet");
    days.put("id", Reply.SettingsForm.DAYS);
    days.put("label", Messages.get(language, "settings.field-days"));
    days.put("isMultiSelect", true);
    days.put("style", "expanded");
    days.put("isRequired", true);
    days.put("errorMessage", Messages.get(language, "settings.bad-days"));
    ArrayNode dayChoices = days.putArray("choices");
    for (DayOfWeek day : DayOfWeek.values()) {
      dayChoices
          .addObject()
          .put("title", day.getDisplayName(TextStyle.FULL, language.locale()))
          .put("value", day.name());
    }
    days.put(
        "value",
        form.quizDays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
    oneOf(
        body,
        Reply.SettingsForm.LANGUAGE,
        Messages.get(language, "settings.field-language"),
        "expanded",
        java.util.Arrays.stream(Language.values())
            .map(choice -> new Reply.SettingsForm.Choice(choice.code(), choice.nativeName()))
            .toList(),
        form.spoken().code());
    ObjectNode paused = body.addObject();
    paused.put("type", "Input.Toggle");
    paused.put("id", Reply.SettingsForm.PAUSED);
    paused.put("title", Messages.get(language, "settings.field-pause"));
    paused.put("valueOn", "true");
    paused.put("valueOff", "false");
    paused.put("value", Boolean.toString(form.paused()));
    if (!form.nextRoles().isEmpty()) {
      oneOf(
          body,
          Reply.SettingsForm.NEXT_ROLE,
          Messages.get(language, "settings.field-next-role"),
          "compact",
          form.nextRoles(),
          form.nextRole());
    }
    actions.add(
        execute(
            new Action(
                SAVE_SETTINGS, "", Messages.get(language, "settings.save"), Action.Style.PRIMARY),
            false));
  }

  // A required choice of one: expanded as radio buttons, or compact as a menu.
  private static void oneOf(
      ArrayNode body,
      String id,
      String label,
      String style,
      List<Reply.SettingsForm.Choice> choices,
      String value) {
    ObjectNode field = body.addObject();
    field.put("type", "Input.ChoiceSet");
    field.put("id", id);
    field.put("label", label);
    field.put("style", style);
    field.put("isRequired", true);
    ArrayNode options = field.putArray("choices");
    choices.forEach(
        choice -> options.addObject().put("title", choice.label()).put("value", choice.value()));
    field.put("value", value);
  }

  static Optional<String> valueOf(JsonNode data) {
    if (data == null || !data.isObject()) {
      return Optional.empty();
    }
    JsonNode value = data.get("value");
    if (value != null && value.isTextual() && !value.asText().isEmpty()) {
      return Optional.of(value.asText());
    }
    JsonNode choice = data.get(CHOICE_INPUT);
    if (choice != null && choice.isTextual()) {
      return Optional.of(choice.asText());
    }
    return value != null && value.isTextual() ? Optional.of("") : Optional.empty();
  }
}
