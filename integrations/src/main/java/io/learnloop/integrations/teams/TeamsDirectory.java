package io.learnloop.integrations.teams;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import java.time.Duration;

/**
 * What the organisation's directory says of a Teams user's job: title, department and manager. The
 * Bot Framework's member object says none of it.
 */
@FunctionalInterface
public interface TeamsDirectory {

  /** No directory: Teams users get their role, team and manager from the roster alone. */
  TeamsDirectory NONE = (user, objectId, wait) -> ProfileHints.Work.none();

  /**
   * The person's job as the directory has it, or {@link ProfileHints.Work#none()} when it is not
   * known within {@code wait} (a look-up still running goes on, for the next interaction).
   *
   * @param objectId the person's Entra ID object id ({@code aadObjectId} of the activity's sender)
   * @param wait how long the interaction may wait; zero takes only what is known already
   */
  ProfileHints.Work workOf(ChannelUser user, String objectId, Duration wait);
}
