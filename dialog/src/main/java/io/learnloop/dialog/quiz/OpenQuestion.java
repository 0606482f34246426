package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A question put to a learner and not answered yet, with everything recording the answer needs, so
 * that recording depends on no other store.
 *
 * @param sender the asker in their channel, e.g. {@code slack:U024BE7LH}
 * @param team the learner's team, empty for none
 */
public record OpenQuestion(
    String sender,
    LearnerId learner,
    RoleId role,
    String team,
    ZoneId zone,
    ItemId item,
    Instant askedAt,
    Language language) {

  public OpenQuestion {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(language, "language");
  }
}
