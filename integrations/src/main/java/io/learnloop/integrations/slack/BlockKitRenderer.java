package io.learnloop.integrations.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.identity.Settings;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Renders the core's replies as Block Kit, within Slack's limits: 3,000 characters per section, 50
 * blocks per message (100 in App Home), 10 elements per context block, 25 per actions block, and
 * about 12,000 characters of block text per message, past which Slack answers {@code
 * msg_blocks_too_long}.
 */
public final class BlockKitRenderer {

  /** A message as {@code chat.postMessage} takes it: blocks plus the notification text. */
  public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
      blocks = List.copyOf(blocks);
    }
  }

  static final int MAX_SECTION = 3000;
  static final int MAX_BLOCKS = 50;
  static final int MAX_HOME_BLOCKS = 100;
  static final int MAX_MESSAGE_TEXT = 11_000;
  static final int MAX_FALLBACK_TEXT = 3000;
  static final int MAX_HEADER = 150;
  static final int MAX_CITATIONS = 10;
  private static final int BUTTONS_PER_ROW = 5;

  /** Action id of the adapter's own "Share in channel" button; not a core action. */
  public static final String SHARE = "slack.share";

  /**
   * Action id of a button that only opens a link; Slack still reports its press, which is
   * acknowledged and otherwise ignored.
   */
  public static final String LINK = "slack.link";

  private final Optional<String> publicBaseUrl;

  /**
   * @param publicBaseUrl where relative citation links ({@code /docs/...}) are served for people
   *     outside this machine; without it such links are shown as titles only
   */
  public BlockKitRenderer(Optional<String> publicBaseUrl) {
    this.publicBaseUrl =
        publicBaseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }

  /**
   * Renders one reply.
   *
   * @param echoQuestion show an answer's question above it, for readers who cannot see it (the
   *     asker of a slash command, a channel an answer is shared in)
   * @param shareKey when present, the answer is posted to its asker only and may be shared in the
   *     channel by the button carrying this key
   */
  public SlackMessage render(Reply reply, boolean echoQuestion, Optional<String> shareKey) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (reply instanceof Reply.Answer answer) {
      answer(answer, echoQuestion, shareKey, blocks);
    } else if (reply instanceof Reply.QuizQuestion question) {
      question(question, blocks);
    } else if (reply instanceof Reply.QuizFeedback feedback) {
      feedback(feedback, blocks);
    } else if (reply instanceof Reply.Lesson lesson) {
      lesson(lesson, blocks);
    } else if (reply instanceof Reply.Notice notice) {
      notice(notice, blocks);
    } else if (reply instanceof Reply.Progress progress) {
      progress(progress, blocks);
    } else if (reply instanceof Reply.RoundResult result) {
      roundResult(result, blocks);
    } else if (reply instanceof Reply.Export export) {
      blocks.add(section(escape(export.text())));
    } else if (reply instanceof Reply.ManagerNudge nudge) {
      nudge(nudge, blocks);
    } else if (reply instanceof Reply.SettingsForm form) {
      settingsMessage(form, blocks);
    } else if (reply instanceof Reply.QuestionForExperts question) {
      questionForExperts(question, blocks);
    } else if (reply instanceof Reply.ExpertReplied replied) {
      expertReplied(replied, blocks);
    }
    numberActionIds(blocks);
    return new SlackMessage(fallback(reply.fallbackText()), bounded(blocks, MAX_BLOCKS, reply));
  }

  /** The callback id of the settings modal, which its submission names. */
  public static final String SETTINGS_MODAL = "settings";

  /**
   * The settings as a modal ({@code views.open}); its submission carries each field under the block
   * and action id of the form's field name.
   *
   * @param conversation where the settings were asked for, kept in the view for the submission
   */
  public View settingsModal(Reply.SettingsForm form, String conversation) {
    Language language = form.language();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            Reply.SettingsForm.TIME,
            Messages.get(language, "settings.field-time"),
            false,
            TimePickerElement.builder()
                .actionId(Reply.SettingsForm.TIME)
                .initialTime(form.quizAt().toString())
                .build()));
    List<OptionObject> days =
        Arrays.stream(DayOfWeek.values())
            .map(day -> option(day.getDisplayName(TextStyle.FULL, language.locale()), day.name()))
            .toList();
    blocks.add(
        input(
            Reply.SettingsForm.DAYS,
            Messages.get(language, "settings.field-days"),
            false,
            CheckboxesElement.builder()
                .actionId(Reply.SettingsForm.DAYS)
                .options(days)
                .initialOptions(
                    days.stream()
                        .filter(o -> form.quizDays().contains(DayOfWeek.valueOf(o.getValue())))
                        .toList())
                .build()));
    List<OptionObject> languages =
        Arrays.stream(Language.values()).map(l -> option(l.nativeName(), l.code())).toList();
    blocks.add(
        oneOf(
            Reply.SettingsForm.LANGUAGE,
            Messages.get(language, "settings.field-language"),
            languages,
            languages.get(form.spoken().ordinal()),
            false));
    OptionObject pause = option(Messages.get(language, "settings.quiz-paused"), "true");
    CheckboxesElement.CheckboxesElementBuilder paused =
        CheckboxesElement.builder().actionId(Reply.SettingsForm.PAUSED).options(List.of(pause));
    if (form.paused()) {
      paused.initialOptions(List.of(pause));
    }
    blocks.add(
        input(
            Reply.SettingsForm.PAUSED,
            Messages.get(language, "settings.field-pause"),
            true,
            paused.build()));
    if (!form.nextRoles().isEmpty()) {
      List<OptionObject> roles =
          form.nextRoles().stream()
              .map(choice -> option(cut(choice.label(), 75), choice.value()))
              .toList();
      blocks.add(
          oneOf(
              Reply.SettingsForm.NEXT_ROLE,
              Messages.get(language, "settings.field-next-role"),
              roles,
              roles.stream()
                  .filter(o -> o.getValue().equals(form.nextRole()))
                  .findFirst()
                  .orElse(roles.get(0)),
              true));
    }
    return View.builder()
        .type("modal")
        .callbackId(SETTINGS_MODAL)
        .privateMetadata(conversation)
        .title(
            ViewTitle.builder()
                .type("plain_text")
                .text(cut(Messages.get(language, "settings.form-title"), 24))
                .build())
        .submit(
            ViewSubmit.builder()
                .type("plain_text")
                .text(Messages.get(language, "settings.save"))
                .build())
        .close(
            ViewClose.builder()
                .type("plain_text")
                .text(Messages.get(language, "settings.cancel"))
                .build())
        .blocks(blocks)
        .build();
  }

  // Where no modal can open (a typed "settings" has no trigger): the summary, the quick changes and
  // a button whose press can open it.
  private void settingsMessage(Reply.SettingsForm form, List<LayoutBlock> out) {
    out.add(section(slackMarkup(form.summary())));
    List<Action> actions = new ArrayList<>(form.quickChanges());
    actions.add(
        new Action(
            Settings.OPEN,
            "",
            Messages.get(form.language(), "settings.open-button"),
            Action.Style.PRIMARY));
    actionRows(actions, out);
  }

  // One of a few options: radio buttons, or a menu where a list would be long.
  private static InputBlock oneOf(
      String field, String label, List<OptionObject> options, OptionObject initial, boolean menu) {
    BlockElement element =
        menu
            ? StaticSelectElement.builder()
                .actionId(field)
                .options(options)
                .initialOption(initial)
                .build()
            : RadioButtonsElement.builder()
                .actionId(field)
                .options(options)
                .initialOption(initial)
                .build();
    return input(field, label, false, element);
  }

  private static InputBlock input(
      String field, String label, boolean optional, BlockElement element) {
    return InputBlock.builder()
        .blockId(field)
        .label(PlainTextObject.builder().text(label).build())
        .optional(optional)
        .element(element)
        .build();
  }

  private static OptionObject option(String text, String value) {
    return OptionObject.builder()
        .text(PlainTextObject.builder().text(text).build())
        .value(value)
        .build();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * The App Home view's blocks for a progress reply, with a settings button under the header (where
   * no truncation of a long skill list reaches it); its press opens the settings modal.
   */
  public List<LayoutBlock> home(Reply.Progress progress) {
    List<LayoutBlock> blocks = new ArrayList<>();
    progress(progress, blocks);
    List<LayoutBlock> settings = new ArrayList<>();
    actionRows(
        List.of(
            Action.of(
                Settings.OPEN, "", Messages.get(progress.language(), "render.home-settings"))),
        settings);
    blocks.addAll(2, settings);
    return bounded(blocks, MAX_HOME_BLOCKS, progress);
  }

  /** The same reply without links and buttons: the retry after Slack refused the blocks. */
  public SlackMessage plain(Reply reply) {
    return new SlackMessage(
        fallback(reply.fallbackText()), List.of(section(escape(reply.fallbackText()))));
  }

  private void answer(
      Reply.Answer answer, boolean echoQuestion, Optional<String> shareKey, List<LayoutBlock> out) {
    Language language = answer.language();
    if (echoQuestion && !answer.question().isBlank()) {
      out.add(
          context(
              List.of(
                  markdown(
                      escape(Messages.get(language, "render.you-asked", answer.question()))))));
    }
    for (String part : split(slackMarkup(answer.text()), MAX_SECTION)) {
      out.add(section(part));
    }
    List<Citation> citations = answer.citations();
    for (int i = 0; i < citations.size() && i < MAX_CITATIONS; i++) {
      out.add(context(List.of(markdown("[" + (i + 1) + "] " + citationLink(citations.get(i))))));
    }
    List<BlockElement> buttons = new ArrayList<>(buttons(answer.actions()));
    shareKey
        .filter(k -> answer.publicSourcesOnly() && !answer.abstained())
        .ifPresent(
            key ->
                buttons.add(
                    0,
                    button(
                        new Action(
                            SHARE,
                            key,
                            Messages.get(language, "render.share"),
                            Action.Style.PRIMARY))));
    if (!buttons.isEmpty()) {
      out.add(ActionsBlock.builder().elements(buttons).build());
    }
  }

  // The asker is mentioned so the experts can reach them; only public sources are ever given here.
  private void questionForExperts(Reply.QuestionForExperts question, List<LayoutBlock> out) {
    Language language = question.language();
    out.add(
        section(
            Messages.get(language, "render.experts-asked", mention(question.asker(), language))));
    for (String part : split(quoted(question.question()), MAX_SECTION)) {
      out.add(section(part));
    }
    List<ContextBlockElement> sources = new ArrayList<>();
    sources.add(
        markdown(
            "*"
                + escape(
                    Messages.get(
                        language,
                        question.sources().isEmpty()
                            ? "render.experts-found-nothing"
                            : "render.experts-found"))
                + "*"));
    for (int i = 0; i < question.sources().size() && i < MAX_CITATIONS - 1; i++) {
      sources.add(markdown("[" + (i + 1) + "] " + citationLink(question.sources().get(i))));
    }
    out.add(context(sources));
    List<ContextBlockElement> next = new ArrayList<>();
    next.add(markdown(escape(Messages.get(language, "render.experts-reply-here"))));
    absolute(question.link())
        .ifPresent(
            link ->
                next.add(
                    markdown(
                        "<"
                            + link
                            + "|"
                            + escape(Messages.get(language, "render.experts-open-question"))
                            + ">")));
    out.add(context(next));
  }

  private void expertReplied(Reply.ExpertReplied replied, List<LayoutBlock> out) {
    Language language = replied.language();
    out.add(
        section(
            Messages.get(
                language,
                "render.expert-replied",
                mention(replied.expert(), language),
                escape(replied.question()))));
    for (String part : split(quoted(replied.text()), MAX_SECTION)) {
      out.add(section(part));
    }
    absolute(replied.link())
        .ifPresent(
            link ->
                out.add(
                    context(
                        List.of(
                            markdown(
                                "<"
                                    + link
                                    + "|"
                                    + escape(Messages.get(language, "render.expert-open-reply"))
                                    + ">")))));
  }

  /** A Slack person as a mention, never their id as text; someone of another channel by role. */
  private static String mention(io.learnloop.dialog.channel.ChannelUser user, Language language) {
    return user.channel().equals("slack")
        ? "<@" + user.user() + ">"
        : Messages.get(language, "render.teammate");
  }

  private static String quoted(String text) {
    return "> " + escape(text.strip()).replace("\n", "\n> ");
  }

  private void question(Reply.QuizQuestion question, List<LayoutBlock> out) {
    if (!question.reason().isBlank()) {
      out.add(context(List.of(markdown(escape(question.reason())))));
    }
    out.add(section("*" + escape(question.stem()) + "*"));
    question.course().ifPresent(course -> out.add(course(course, question.language())));
    actionRows(question.choices(), out);
  }

  private void feedback(Reply.QuizFeedback feedback, List<LayoutBlock> out) {
    Language language = feedback.language();
    out.add(section("*" + escape(feedback.stem()) + "*"));
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < feedback.choices().size(); i++) {
      String mark =
          i == feedback.correctChoice()
              ? ":white_check_mark:"
              : i == feedback.chosen() ? ":x:" : ":white_small_square:";
      choices.append(mark).append(' ').append(escape(feedback.choices().get(i)));
      if (i == feedback.chosen()) {
        choices.append(" _(").append(Messages.get(language, "render.choice-yours")).append(")_");
      }
      choices.append('\n');
    }
    out.add(section(choices.toString().strip()));
    out.add(
        section(
            "*"
                + escape(feedback.headline())
                + "*"
                + (feedback.explanation().isBlank() ? "" : "\n" + escape(feedback.explanation()))));
    List<ContextBlockElement> notes = new ArrayList<>();
    if (!feedback.note().isBlank()) {
      notes.add(markdown(escape(feedback.note())));
    }
    notes.add(markdown(":book: " + citationLink(feedback.readMore())));
    out.add(context(notes));
    actionRows(feedback.actions(), out);
  }

  private void lesson(Reply.Lesson lesson, List<LayoutBlock> out) {
    out.add(section(escape(lesson.intro())));
    out.add(context(List.of(markdown(":book: " + citationLink(lesson.source())))));
    lesson.course().ifPresent(course -> out.add(course(course, lesson.language())));
    actionRows(lesson.actions(), out);
  }

  private LayoutBlock course(Reply.Lesson.Course course, Language reader) {
    return context(List.of(markdown(":mortar_board: " + link(course.url(), course.label(reader)))));
  }

  private void notice(Reply.Notice notice, List<LayoutBlock> out) {
    String icon =
        switch (notice.kind()) {
          case UNAVAILABLE -> ":warning: ";
          case NOT_ALLOWED -> ":no_entry_sign: ";
          case INVALID -> ":grey_question: ";
          default -> "";
        };
    for (String part : split(icon + slackMarkup(notice.text()), MAX_SECTION)) {
      out.add(section(part));
    }
    actionRows(notice.actions(), out);
  }

  private void progress(Reply.Progress progress, List<LayoutBlock> out) {
    Language language = progress.language();
    out.add(header(progress.title()));
    out.add(
        context(
            List.of(
                markdown(
                    escape(
                        Messages.get(
                            language,
                            "render.streak",
                            progress.streakDays(),
                            progress.points(),
                            progress.reviewsDue()))))));
    out.add(DividerBlock.builder().build());
    sections(
        progress.skills().stream()
            .map(
                skill ->
                    bar(skill.mastery(), skill.target())
                        + "  "
                        + escape(
                            Messages.get(
                                language,
                                "render.skill-line",
                                skill.skill(),
                                Math.round(skill.mastery() * 100),
                                Math.round(skill.target() * 100))))
            .toList(),
        out);
    if (!progress.summary().isBlank()) {
      out.add(context(List.of(markdown(escape(progress.summary())))));
    }
  }

  private void roundResult(Reply.RoundResult result, List<LayoutBlock> out) {
    Language language = result.language();
    out.add(section("*" + escape(result.stem()) + "*"));
    int total = Math.max(1, result.counts().stream().mapToInt(Integer::intValue).sum());
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < result.choices().size(); i++) {
      int count = result.counts().get(i);
      choices
          .append(i == result.correctChoice() ? ":white_check_mark: " : ":white_small_square: ")
          .append(escape(result.choices().get(i)))
          .append("  `")
          .append("█".repeat((int) Math.round(10.0 * count / total)))
          .append("` ")
          .append(Messages.get(language, "render.counts", count))
          .append('\n');
    }
    out.add(section(choices.toString().strip()));
    out.add(
        section(
            "*"
                + escape(result.headline())
                + "*"
                + (result.explanation().isBlank() ? "" : "\n" + escape(result.explanation()))));
    if (!result.leaderboard().isEmpty()) {
      StringBuilder board =
          new StringBuilder("*").append(Messages.get(language, "render.leaderboard")).append("*\n");
      for (int i = 0; i < result.leaderboard().size() && i < 10; i++) {
        Reply.RoundResult.Standing standing = result.leaderboard().get(i);
        String name =
            standing
                .channelUser()
                .filter(u -> u.channel().equals("slack"))
                .map(u -> "<@" + u.user() + ">")
                .orElse(Messages.get(language, "render.teammate"));
        board
            .append(i + 1)
            .append(". ")
            .append(
                Messages.get(
                    language, "render.standing", name, standing.points(), standing.streakDays()))
            .append('\n');
      }
      out.add(section(board.toString().strip()));
    }
    out.add(context(List.of(markdown(":book: " + citationLink(result.readMore())))));
  }

  private void actionRows(List<Action> actions, List<LayoutBlock> out) {
    List<BlockElement> buttons = buttons(actions);
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      out.add(
          ActionsBlock.builder()
              .elements(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW)))
              .build());
    }
  }

  private static List<BlockElement> buttons(List<Action> actions) {
    List<BlockElement> buttons = new ArrayList<>();
    for (Action action : actions) {
      buttons.add(button(action));
    }
    return buttons;
  }

  private static ButtonElement button(Action action) {
    ButtonElement.ButtonElementBuilder button =
        ButtonElement.builder()
            .actionId(action.id())
            .value(action.value())
            .text(PlainTextObject.builder().text(action.label()).emoji(true).build());
    switch (action.style()) {
      case PRIMARY -> button.style("primary");
      case DANGER -> button.style("danger");
      default -> {}
    }
    return button.build();
  }

  private String citationLink(Citation citation) {
    String label =
        citation.section().isBlank()
            ? citation.title()
            : citation.title() + " › " + citation.section();
    return link(citation.url(), label);
  }

  /** A Slack link to {@code url} labelled {@code label}, or the label alone where there is none. */
  private String link(String url, String label) {
    String escaped = escape(label).replace("|", "¦");
    return absolute(url)
        .map(u -> "<" + u.replace("|", "%7C").replace(">", "%3E") + "|" + escaped + ">")
        .orElse(escaped);
  }

  private Optional<String> absolute(String url) {
    if (url.startsWith("https://") || url.startsWith("http://")) {
      return Optional.of(url).filter(u -> u.length() <= 3000);
    }
    if (url.startsWith("/") && publicBaseUrl.isPresent()) {
      return Optional.of(publicBaseUrl.get() + url).filter(u -> u.length() <= 3000);
    }
    return Optional.empty();
  }

  // Every list under a bold heading of its own; a manager with no reports gets the summary only.
  private void nudge(Reply.ManagerNudge nudge, List<LayoutBlock> out) {
    Language language = nudge.language();
    out.add(header(nudge.title()));
    out.add(section(escape(nudge.summary())));
    List<String> skills = new ArrayList<>();
    for (Reply.ManagerNudge.TeamSkill skill : nudge.skills()) {
      skills.add(
          bar(skill.mastery(), skill.target())
              + "  "
              + escape(
                  Messages.get(
                      language,
                      "render.nudge-skill-line",
                      skill.skill(),
                      Math.round(skill.mastery() * 100),
                      Math.round(skill.uncertainty() * 100),
                      Math.round(skill.target() * 100),
                      skill.atTarget(),
                      skill.learners())));
    }
    headed(language, "render.nudge-skills", skills, out);
    List<String> weakest = new ArrayList<>();
    for (Reply.ManagerNudge.WeakSkill weak : nudge.weakest()) {
      weakest.add("*" + escape(weak.skill()) + "*");
      weak.mostMissed()
          .forEach(
              missed ->
                  weakest.add(
                      "• "
                          + escape(
                              Messages.get(
                                  language,
                                  "render.nudge-missed",
                                  missed.question(),
                                  missed.misses(),
                                  missed.learners()))));
    }
    headed(language, "render.nudge-weakest", weakest, out);
    headed(
        language,
        "render.nudge-inactive",
        nudge.inactive().stream().map(r -> "• " + escape(inactive(language, r))).toList(),
        out);
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < nudge.prompts().size(); i++) {
      prompts.add((i + 1) + ". " + escape(nudge.prompts().get(i)));
    }
    headed(language, "render.nudge-prompts", prompts, out);
    if (!nudge.dashboardPath().isEmpty()) {
      absolute(nudge.dashboardPath())
          .ifPresent(
              url ->
                  out.add(
                      ActionsBlock.builder()
                          .elements(
                              List.of(
                                  ButtonElement.builder()
                                      .actionId(LINK)
                                      .url(url)
                                      .text(
                                          PlainTextObject.builder()
                                              .text(
                                                  Messages.get(language, "render.nudge-dashboard"))
                                              .build())
                                      .build()))
                          .build()));
    }
  }

  /** "Budi Santoso: 10 days" or "Ayu Pratama: not started yet", in the reader's language. */
  private static String inactive(Language language, Reply.ManagerNudge.InactiveReport report) {
    return report.daysInactive().isPresent()
        ? Messages.get(
            language, "render.nudge-inactive-days", report.name(), report.daysInactive().getAsInt())
        : Messages.get(language, "render.nudge-never", report.name());
  }

  private static void headed(
      Language language, String heading, List<String> lines, List<LayoutBlock> out) {
    if (lines.isEmpty()) {
      return;
    }
    out.add(DividerBlock.builder().build());
    List<String> all = new ArrayList<>();
    all.add("*" + escape(Messages.get(language, heading)) + "*");
    all.addAll(lines);
    sections(all, out);
  }

  /** Lines packed into as few sections as Slack's 3,000 characters per section allow. */
  private static void sections(List<String> lines, List<LayoutBlock> out) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (text.length() + line.length() + 1 > MAX_SECTION && !text.isEmpty()) {
        out.add(section(text.toString().strip()));
        text.setLength(0);
      }
      text.append(line).append('\n');
    }
    if (!text.isEmpty()) {
      out.add(section(text.toString().strip()));
    }
  }

  private static String bar(double mastery, double target) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, mastery)) * 10);
    String icon = mastery >= target ? ":large_green_circle:" : ":large_yellow_circle:";
    return icon + " `" + "▓".repeat(filled) + "░".repeat(10 - filled) + "`";
  }

  /** Keeps the blocks within a message's count and text budget; the rest is cut, never sent. */
  private List<LayoutBlock> bounded(List<LayoutBlock> blocks, int maxBlocks, Reply reply) {
    List<LayoutBlock> kept = new ArrayList<>();
    int text = 0;
    for (LayoutBlock block : blocks) {
      int length = textLength(block);
      if (kept.size() == maxBlocks - 1 || text + length > MAX_MESSAGE_TEXT) {
        kept.add(
            context(
                List.of(markdown("_" + Messages.get(reply.language(), "render.truncated") + "_"))));
        break;
      }
      kept.add(block);
      text += length;
    }
    return kept;
  }

  private static int textLength(LayoutBlock block) {
    if (block instanceof SectionBlock section && section.getText() != null) {
      return section.getText().getText().length();
    }
    if (block instanceof ContextBlock context) {
      return context.getElements().stream()
          .mapToInt(e -> e instanceof MarkdownTextObject m ? m.getText().length() : 0)
          .sum();
    }
    return 0;
  }

  /** Splits text at paragraph, line or sentence ends so that each part fits {@code max}. */
  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = lastBreak(rest, max);
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || parts.isEmpty()) {
      parts.add(rest.isEmpty() ? " " : rest);
    }
    return parts;
  }

  private static int lastBreak(String text, int max) {
    for (String separator : List.of("\n\n", "\n", ". ", " ")) {
      int at = text.lastIndexOf(separator, max - separator.length());
      if (at > max / 2) {
        return at + separator.length();
      }
    }
    // Never cut a surrogate pair (an emoji) in half.
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }

  private static String fallback(String text) {
    String plain = text.strip();
    return plain.length() <= MAX_FALLBACK_TEXT
        ? plain
        : plain.substring(0, MAX_FALLBACK_TEXT - 1) + "…";
  }

  /** Slack's three escapes; everything else in mrkdwn is the reader's text. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // The core writes **bold** as Markdown; Slack's mrkdwn bolds with single stars.
  private static String slackMarkup(String text) {
    return escape(text).replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "*$1*");
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(markdown(mrkdwn)).build();
  }

  private static MarkdownTextObject markdown(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }

  private static ContextBlock context(List<ContextBlockElement> elements) {
    return ContextBlock.builder().elements(elements).build();
  }

  private static HeaderBlock header(String text) {
    String plain = text.length() <= MAX_HEADER ? text : text.substring(0, MAX_HEADER - 1) + "…";
    return HeaderBlock.builder().text(PlainTextObject.builder().text(plain).build()).build();
  }

  /** The core action id a button carries: its Block Kit action id without the position suffix. */
  public static String coreActionId(String slackActionId) {
    int hash = slackActionId.indexOf('#');
    return hash < 0 ? slackActionId : slackActionId.substring(0, hash);
  }

  // Slack needs action ids unique within a message; buttons with the same core action (the
  // choices of a question) are told apart by their position.
  private static void numberActionIds(List<LayoutBlock> blocks) {
    int position = 0;
    for (LayoutBlock block : blocks) {
      if (block instanceof ActionsBlock actions) {
        for (BlockElement element : actions.getElements()) {
          if (element instanceof ButtonElement button) {
            button.setActionId(button.getActionId() + "#" + position++);
          }
        }
      }
    }
  }
}
