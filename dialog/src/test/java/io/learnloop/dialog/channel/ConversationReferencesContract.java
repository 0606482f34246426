package io.learnloop.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationReferences} must do; extend once per implementation. */
public abstract class ConversationReferencesContract {

  protected abstract ConversationReferences store();

  private static LearnerId newLearner() {
    return new LearnerId("slack:T1:U" + UUID.randomUUID());
  }

  @Test
  void should_find_the_direct_conversation_remembered_per_channel() {
    ConversationReferences store = store();
    LearnerId learner = newLearner();
    ConversationRef slack =
        new ConversationRef(
            "slack", "T1", "D024BE91L", Optional.empty(), ConversationRef.Visibility.PRIVATE, "");
    ConversationRef teams =
        new ConversationRef(
            "teams",
            "tenant-1",
            "a:1xyz;messageid=1",
            Optional.empty(),
            ConversationRef.Visibility.PRIVATE,
            "{\"serviceUrl\":\"https://smba.example/amer/\"}");

    store.remember(learner, slack);
    store.remember(learner, teams);

    assertThat(store.direct(learner, "slack")).contains(slack);
    assertThat(store.direct(learner, "teams")).contains(teams);
    assertThat(store.direct(learner, "web")).isEmpty();
  }

  @Test
  void should_replace_an_older_conversation_and_forget_them_all() {
    ConversationReferences store = store();
    LearnerId learner = newLearner();
    store.remember(learner, ConversationRef.direct("slack", "T1", "D1"));
    store.remember(learner, ConversationRef.direct("slack", "T1", "D2"));

    assertThat(store.direct(learner, "slack")).map(ConversationRef::conversation).contains("D2");

    store.forget(learner);

    assertThat(store.direct(learner, "slack")).isEmpty();
  }

  @Test
  void should_forget_one_channel_and_keep_the_others() {
    ConversationReferences store = store();
    LearnerId learner = newLearner();
    store.remember(learner, ConversationRef.direct("slack", "T1", "D1"));
    store.remember(learner, ConversationRef.direct("teams", "tenant-1", "a:1"));

    store.forget(learner, "teams");

    assertThat(store.direct(learner, "teams")).isEmpty();
    assertThat(store.direct(learner, "slack")).map(ConversationRef::conversation).contains("D1");
  }
}
