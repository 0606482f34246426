package io.learnloop.dialog.coaching;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.InMemoryConversationReferences;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.InMemoryRoster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterTestData;
import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobRunner;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores shared by any number of bot instances (a roster of managers, each with two reports), and
 * instances that send weekly nudges through their own recording Slack gateway and job claims.
 */
public final class NudgeFixture {

  public final Catalog catalog = RosterTestData.catalog();
  public final InMemoryLearners learners = new InMemoryLearners();
  public final InMemoryRoster roster = new InMemoryRoster();
  public final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  public final InMemoryConversationReferences references = new InMemoryConversationReferences();
  public final List<Learner> managers = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** One bot instance. */
  public final class Instance {
    public final RecordingChatGateway slack;
    public final WeeklyNudges nudges;

    Instance(JobClaims claims, RecordingChatGateway slack) {
      this.slack = slack;
      Assistant assistant =
          new Assistant(
              List.of(slack),
              new InMemoryDeliveries(Clock.systemUTC()),
              new Enrollment(learners, RosterTestData.ANALYST, ZoneId.of("UTC")),
              references,
              (user, email) -> Set.of(),
              KnowledgeBase.notReady(),
              Optional.empty(),
              (reply, took) -> {},
              Clock.systemUTC());
      nudges =
          new WeeklyNudges(
              new ManagerNudges(
                  catalog,
                  roster,
                  answers,
                  new Snapshots(catalog, answers, learners, Spacing.defaults())),
              roster,
              learners,
              new JobRunner(claims),
              assistant,
              Set.of("slack"),
              NudgeSchedule.mondayMorning());
    }

    /** The nudges this instance sent, by the Slack user they went to. */
    public List<String> nudgedUsers() {
      return slack.recorded().stream()
          .filter(r -> r.outgoing().reply() instanceof Reply.ManagerNudge)
          .map(r -> r.where().conversation())
          .toList();
    }
  }

  public Instance instance(JobClaims claims) {
    return new Instance(claims, new RecordingChatGateway("slack"));
  }

  /** An instance whose Slack refuses the first {@code failures} messages, then takes them. */
  public Instance failingFirst(JobClaims claims, int failures) {
    RecordingChatGateway stand = new RecordingChatGateway("slack");
    java.util.concurrent.atomic.AtomicInteger left =
        new java.util.concurrent.atomic.AtomicInteger(failures);
    return new Instance(
        claims,
        new RecordingChatGateway(
            new io.learnloop.dialog.channel.ChatGateway() {
              @Override
              public String channel() {
                return "slack";
              }

              @Override
              public io.learnloop.dialog.channel.MessageRef send(
                  io.learnloop.dialog.channel.ConversationRef where,
                  io.learnloop.dialog.channel.Outgoing message) {
                if (left.getAndDecrement() > 0) {
                  throw new io.learnloop.dialog.channel.DeliveryFailedException(
                      "Slack is down", false, null);
                }
                return stand.send(where, message);
              }

              @Override
              public io.learnloop.dialog.channel.ConversationRef openDirect(
                  io.learnloop.dialog.channel.ChannelUser user) {
                return stand.openDirect(user);
              }
            }));
  }

  /** Puts {@code count} managers on the roster, in Jakarta and Makassar, two reports each. */
  public NudgeFixture withManagers(int count) {
    List<RosterEntry> entries = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      ZoneId zone = ZoneId.of(m % 2 == 0 ? "Asia/Jakarta" : "Asia/Makassar");
      Learner manager =
          save(
              "m" + m, Optional.empty(), zone, m % 2 == 0 ? Language.INDONESIAN : Language.ENGLISH);
      managers.add(manager);
      entries.add(entry(manager, "Manager " + m, RosterTestData.RISK));
      for (int r = 0; r < 2; r++) {
        Learner report = save("m" + m + "r" + r, Optional.of(manager.id()), zone, Language.ENGLISH);
        entries.add(entry(report, "Report " + m + "." + r, RosterTestData.ANALYST));
      }
    }
    roster.replaceAll(entries);
    return this;
  }

  private Learner save(String name, Optional<LearnerId> manager, ZoneId zone, Language language) {
    String user = "U" + run + name;
    Learner learner =
        new Learner(
            new LearnerId("slack:T1:" + user),
            Map.of("slack", "T1:" + user),
            RosterTestData.ANALYST,
            "team",
            manager,
            zone,
            language,
            Learner.Preferences.defaults());
    learners.save(learner);
    return learner;
  }

  private static RosterEntry entry(Learner learner, String name, RoleId role) {
    return new RosterEntry(
        learner.id(), name, role, Optional.empty(), "team", learner.manager(), false);
  }

  /** A learner's direct conversation as the recording gateway opens it. */
  public static String dmOf(Learner learner) {
    return "dm-" + learner.identities().get("slack").substring("T1:".length());
  }
}
