package io.learnloop.dialog.learning;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of recording an answer.
 *
 * @param duplicate the answer id was recorded before; nothing changed
 * @param outOfOrder the answer is older than the item's last review: counted, but the item's memory
 *     is not moved back in time
 * @param points the learner's points after the answer
 * @param streakDays consecutive local days with at least one answer
 * @param due when the item is due for review; empty for a duplicate or out-of-order answer
 */
public record Recorded(
    boolean duplicate, boolean outOfOrder, long points, int streakDays, Optional<Instant> due) {}
