package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.ConversationReferencesContract;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.DeliveriesContract;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.ConversationHistoryContract;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.dashboard.ContentGapsContract;
import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.escalation.EscalationsContract;
import io.learnloop.dialog.identity.LinkCodes;
import io.learnloop.dialog.identity.LinkCodesContract;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerLogContract;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearnersContract;
import io.learnloop.dialog.learning.ResponseModels;
import io.learnloop.dialog.learning.ResponseModelsContract;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestionsContract;
import io.learnloop.dialog.quiz.Rounds;
import io.learnloop.dialog.quiz.RoundsContract;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterContract;
import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobClaimsContract;
import io.lettuce.core.cluster.SlotHash;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis stores on a real three-node Redis Cluster, through Lettuce's cluster client: every
 * script's keys must share one hash slot, or Redis refuses it with CROSSSLOT.
 */
class RedisClusterTest {

  @RegisterExtension static final RedisTestCluster cluster = new RedisTestCluster();

  @Test
  void should_spread_keys_over_the_three_nodes_and_keep_one_learners_answer_keys_in_one_slot() {
    LearnerId learner = new LearnerId("cluster:" + UUID.randomUUID());
    Set<Integer> slots = new HashSet<>();
    Arrays.stream(new RedisAnswerLog.Keys(learner).forScript())
        .forEach(key -> slots.add(SlotHash.getSlot(key)));

    assertThat(slots).hasSize(1);
    assertThat(cluster.connector().sync().clusterNodes().lines().filter(l -> l.contains("master")))
        .hasSize(3);
    assertThat(SlotHash.getSlot(RedisJobClaims.slotKey("daily-quiz", Instant.EPOCH)))
        .isEqualTo(SlotHash.getSlot(RedisJobClaims.tokenKey("daily-quiz")));
  }

  @Nested
  class LearnersOnCluster extends LearnersContract {
    @Override
    protected Learners learners() {
      return new RedisLearners(cluster.connector());
    }
  }

  @Nested
  class ConversationReferencesOnCluster extends ConversationReferencesContract {
    @Override
    protected ConversationReferences store() {
      return new RedisConversationReferences(cluster.connector());
    }
  }

  @Nested
  class RoundsOnCluster extends RoundsContract {
    @Override
    protected Rounds rounds() {
      return new RedisRounds(cluster.connector());
    }
  }

  @Nested
  class RosterOnCluster extends RosterContract {
    @Override
    protected Roster roster() {
      cluster.connector().sync().del(RedisRoster.ENTRIES, RedisRoster.PROFILES);
      return new RedisRoster(cluster.connector());
    }
  }

  @Nested
  class AnswerLogOnCluster extends AnswerLogContract {
    @Override
    protected AnswerLog log() {
      return new RedisAnswerLog(cluster.connector(), Spacing.defaults());
    }

    @Override
    protected void loseDerivedState(AnswerLog log, LearnerId learner) {
      RedisAnswerLog.Keys keys = new RedisAnswerLog.Keys(learner);
      cluster
          .connector()
          .sync()
          .del(keys.answerIds, keys.cards, keys.due, keys.skills, keys.stats, keys.teamPoints);
    }
  }

  @Nested
  class DeliveriesOnCluster extends DeliveriesContract {
    @Override
    protected Deliveries deliveries() {
      return new RedisDeliveries(cluster.connector());
    }
  }

  @Nested
  class LinkCodesOnCluster extends LinkCodesContract {
    @Override
    protected LinkCodes codes() {
      return new RedisLinkCodes(cluster.connector());
    }
  }

  @Nested
  class EscalationsOnCluster extends EscalationsContract {
    @Override
    protected Escalations escalations() {
      return new RedisEscalations(cluster.connector());
    }
  }

  @Nested
  class JobClaimsOnCluster extends JobClaimsContract {
    @Override
    protected JobClaims claims() {
      return new RedisJobClaims(cluster.connector());
    }
  }

  @Nested
  class OpenQuestionsOnCluster extends OpenQuestionsContract {
    @Override
    protected OpenQuestions store() {
      return new RedisOpenQuestions(cluster.connector());
    }
  }

  @Nested
  class ConversationHistoryOnCluster extends ConversationHistoryContract {
    @Override
    protected ConversationHistory history() {
      return new RedisConversationHistory(cluster.connector());
    }
  }

  @Nested
  class ResponseModelsOnCluster extends ResponseModelsContract {
    @Override
    protected ResponseModels models() {
      return new RedisResponseModels(cluster.connector());
    }

    @Override
    protected void empty() {
      cluster.connector().sync().del(RedisResponseModels.KEY);
    }
  }

  @Nested
  class ContentGapsOnCluster extends ContentGapsContract {
    @Override
    protected ContentGaps gaps() {
      return new RedisContentGaps(cluster.connector());
    }
  }
}
