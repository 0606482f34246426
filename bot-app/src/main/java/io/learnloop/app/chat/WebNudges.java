package io.learnloop.app.chat;

import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/** A manager's weekly nudge as the web chat page draws it. */
final class WebNudges {

  private WebNudges() {}

  static WebMessage.Nudge render(ManagerNudge nudge) {
    Language language = nudge.language();
    List<WebMessage.Nudge.Section> sections = new ArrayList<>();
    List<String> weakest = new ArrayList<>();
    for (ManagerNudge.WeakSkill weak : nudge.weakest()) {
      weakest.add(weak.skill());
      weak.mostMissed()
          .forEach(
              missed ->
                  weakest.add(
                      Messages.get(
                          language,
                          "render.nudge-missed",
                          missed.question(),
                          missed.misses(),
                          missed.learners())));
    }
    add(sections, language, "render.nudge-weakest", weakest);
    add(
        sections,
        language,
        "render.nudge-inactive",
        nudge.inactive().stream()
            .map(
                r ->
                    r.daysInactive().isPresent()
                        ? Messages.get(
                            language,
                            "render.nudge-inactive-days",
                            r.name(),
                            r.daysInactive().getAsInt())
                        : Messages.get(language, "render.nudge-never", r.name()))
            .toList());
    add(sections, language, "render.nudge-prompts", nudge.prompts());
    return new WebMessage.Nudge(
        nudge.title(),
        nudge.summary(),
        nudge.activeReports(),
        nudge.reports(),
        nudge.skills().stream()
            .map(
                s ->
                    new WebMessage.Nudge.Skill(
                        s.skill(),
                        s.mastery(),
                        s.uncertainty(),
                        s.target(),
                        s.atTarget(),
                        s.learners(),
                        Messages.get(
                            language,
                            "render.nudge-skill-line",
                            s.skill(),
                            Math.round(s.mastery() * 100),
                            Math.round(s.uncertainty() * 100),
                            Math.round(s.target() * 100),
                            s.atTarget(),
                            s.learners())))
            .toList(),
        sections);
  }

  private static void add(
      List<WebMessage.Nudge.Section> sections,
      Language language,
      String heading,
      List<String> lines) {
    if (!lines.isEmpty()) {
      sections.add(new WebMessage.Nudge.Section(Messages.get(language, heading), lines));
    }
  }
}
