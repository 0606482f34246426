package io.learnloop.dialog.identity;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.learning.Learner;

/**
 * Gives a learner the role, team and manager their chat profile says (see {@code
 * io.learnloop.dialog.roster.PlaceFromProfile}), each time enrolment meets them.
 */
@FunctionalInterface
public interface ProfilePlacement {

  /** Places no one: the roster import alone gives roles, teams and managers. */
  ProfilePlacement NONE = (learner, user, work) -> learner;

  /**
   * @return the learner as saved after placing, or {@code learner} when nothing changed
   */
  Learner place(Learner learner, ChannelUser user, ProfileHints.Work work);
}
