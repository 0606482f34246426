package io.learnloop.app.coaching;

import io.learnloop.dialog.coaching.ManagerNudges;
import io.learnloop.dialog.coaching.WeeklyNudges;
import java.util.Optional;

/**
 * Managers' coaching as this instance runs it; empty without content, since there are then no role
 * targets to measure a team against.
 */
public record Coaching(Optional<ManagerNudges> nudges, Optional<WeeklyNudges> weekly) {}
