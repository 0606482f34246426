package io.learnloop.integrations.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockKitRendererAskPersonTest {

  private static final ChannelUser ASKER = new ChannelUser("slack", "T1", "U0ASKER");
  private final BlockKitRenderer renderer =
      new BlockKitRenderer(Optional.of("https://learnloop.example.com"));

  @Test
  void should_quote_the_askers_words_so_they_cannot_ping_the_experts_channel() {
    Reply.QuestionForExperts question =
        new Reply.QuestionForExperts(
            Language.ENGLISH, ASKER, "Ping <!channel> & <@U0BOSS>?", List.of(), "");

    List<String> texts = texts(renderer.render(question, false, Optional.empty()).blocks());

    assertThat(texts)
        .containsExactly(
            "<@U0ASKER> asked:",
            "> Ping &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;?",
            "*LearnLoop found nothing on this in the docs.*",
            "Reply in this thread: your reply goes back to them.");
  }

  @Test
  void should_cite_the_sources_and_name_an_asker_of_another_channel_by_role_in_indonesian() {
    Reply.QuestionForExperts question =
        new Reply.QuestionForExperts(
            Language.INDONESIAN,
            new ChannelUser("teams", "tenant", "29:1abc"),
            "Berapa hari cuti?",
            List.of(new Citation("annual-leave.md", "Cuti tahunan", "Sisa", "/docs/a.md#s", 1)),
            "https://slack.example/archives/C1/p1");

    List<String> texts = texts(renderer.render(question, false, Optional.empty()).blocks());

    assertThat(texts.get(0)).isEqualTo("rekan tim bertanya:").doesNotContain("29:1abc");
    assertThat(texts)
        .contains(
            "*Yang ditemukan LearnLoop*",
            "[1] <https://learnloop.example.com/docs/a.md#s|Cuti tahunan › Sisa>",
            "<https://slack.example/archives/C1/p1|Buka pesannya>");
  }

  @Test
  void should_show_the_experts_reply_with_its_permalink() {
    Reply.ExpertReplied replied =
        new Reply.ExpertReplied(
            Language.ENGLISH,
            new ChannelUser("slack", "T1", "U0EXPERT"),
            "How many days?",
            "Five.\nUse them by March.",
            "https://slack.example/archives/C9/p2");

    List<String> texts = texts(renderer.render(replied, false, Optional.empty()).blocks());

    assertThat(texts)
        .containsExactly(
            "<@U0EXPERT> replied to your question \"How many days?\":",
            "> Five.\n> Use them by March.",
            "<https://slack.example/archives/C9/p2|Open the reply>");
  }

  private static List<String> texts(List<LayoutBlock> blocks) {
    List<String> texts = new ArrayList<>();
    for (LayoutBlock block : blocks) {
      if (block instanceof SectionBlock section) {
        texts.add(section.getText().getText());
      } else if (block instanceof ContextBlock context) {
        context.getElements().stream()
            .filter(MarkdownTextObject.class::isInstance)
            .map(e -> ((MarkdownTextObject) e).getText())
            .forEach(texts::add);
      }
    }
    return texts;
  }
}
