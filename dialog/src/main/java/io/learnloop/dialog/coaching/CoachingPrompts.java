package io.learnloop.dialog.coaching;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.channel.Reply.ManagerNudge.InactiveReport;
import io.learnloop.dialog.channel.Reply.ManagerNudge.TeamSkill;
import io.learnloop.dialog.channel.Reply.ManagerNudge.WeakSkill;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Two or three concrete things a manager can do in a 10-minute conversation, most useful first:
 * work through the weakest skill's most-missed question, check in with whoever stopped practising,
 * talk about someone's next role, let a strong colleague share a tip on the second weakest.
 */
final class CoachingPrompts {

  static final int MOST = 3;

  private CoachingPrompts() {}

  static List<String> choose(
      Language language,
      List<WeakSkill> weakest,
      List<InactiveReport> inactive,
      List<TeamSkill> skills,
      List<ReportWeek> team,
      Catalog catalog) {
    List<String> prompts = new ArrayList<>();
    if (!weakest.isEmpty()) {
      WeakSkill first = weakest.get(0);
      prompts.add(
          first.mostMissed().isEmpty()
              ? Messages.get(language, "nudge.prompt.weak-skill", first.skill())
              : Messages.get(
                  language,
                  "nudge.prompt.weak-item",
                  first.skill(),
                  first.mostMissed().get(0).question()));
    }
    if (!inactive.isEmpty()) {
      prompts.add(
          Messages.get(
              language,
              "nudge.prompt.inactive",
              names(language, inactive.stream().map(InactiveReport::name).toList())));
    }
    if (weakest.isEmpty() && !skills.isEmpty()) {
      prompts.add(Messages.get(language, "nudge.prompt.celebrate"));
    }
    // The next role as the learner model works with it: the learner's own choice, else the
    // roster's.
    team.stream()
        .filter(r -> r.snapshot().nextRole().isPresent())
        .findFirst()
        .ifPresent(
            r ->
                prompts.add(
                    Messages.get(
                        language,
                        "nudge.prompt.next-role",
                        r.person().name(),
                        catalog
                            .role(r.snapshot().nextRole().get())
                            .map(role -> role.name().in(language))
                            .orElse(r.snapshot().nextRole().get().value()))));
    if (weakest.size() > 1) {
      prompts.add(Messages.get(language, "nudge.prompt.peer", weakest.get(1).skill()));
    }
    if (prompts.size() < 2) {
      prompts.add(Messages.get(language, "nudge.prompt.reflect"));
    }
    return List.copyOf(prompts.subList(0, Math.min(MOST, prompts.size())));
  }

  // "Ani", "Ani and Bayu", "Ani, Bayu and Citra": as a person writes a list.
  static String names(Language language, List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    String and = " " + Messages.get(language, "nudge.and") + " ";
    return String.join(", ", names.subList(0, names.size() - 1))
        + and
        + names.get(names.size() - 1);
  }
}
