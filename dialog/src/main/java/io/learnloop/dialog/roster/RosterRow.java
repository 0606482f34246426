package io.learnloop.dialog.roster;

import java.util.Objects;

/**
 * One row of a roster file as written, before it is checked; a blank field is an absent one.
 *
 * @param line where the row starts in its file, from 1
 * @param chatUsers channel user keys separated by spaces, e.g. {@code slack:T0123:U0456}
 * @param manager the email or channel user key of the manager's own row
 * @param peopleManager {@code yes}/{@code no} (also {@code true}, {@code 1}, {@code ya}, ...)
 */
public record RosterRow(
    int line,
    String email,
    String chatUsers,
    String name,
    String role,
    String team,
    String manager,
    String nextRole,
    String timezone,
    String language,
    String peopleManager) {

  public RosterRow {
    if (line < 1) {
      throw new IllegalArgumentException("a line number starts at 1 but was " + line);
    }
    email = Objects.requireNonNullElse(email, "").strip();
    chatUsers = Objects.requireNonNullElse(chatUsers, "").strip();
    name = Objects.requireNonNullElse(name, "").strip();
    role = Objects.requireNonNullElse(role, "").strip();
    team = Objects.requireNonNullElse(team, "").strip();
    manager = Objects.requireNonNullElse(manager, "").strip();
    nextRole = Objects.requireNonNullElse(nextRole, "").strip();
    timezone = Objects.requireNonNullElse(timezone, "").strip();
    language = Objects.requireNonNullElse(language, "").strip();
    peopleManager = Objects.requireNonNullElse(peopleManager, "").strip();
  }
}
