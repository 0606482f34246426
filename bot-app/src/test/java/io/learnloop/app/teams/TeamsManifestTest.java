package io.learnloop.app.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.dialog.channel.Command;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package's manifest declares what the adapter serves, with icons Teams accepts. */
class TeamsManifestTest {

  private static final Path FOLDER = Path.of("..", "teams");
  private final JsonNode manifest = read(FOLDER.resolve("manifest.json"));

  @Test
  void should_use_a_current_schema_and_offer_only_commands_the_core_understands() {
    assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.22");
    assertThat(manifest.path("$schema").asText()).contains("/v1.22/");
    JsonNode bot = manifest.at("/bots/0");
    assertThat(texts(bot.path("scopes")))
        .containsExactlyInAnyOrder("personal", "team", "groupChat");
    List<String> commands = new ArrayList<>();
    bot.path("commandLists")
        .forEach(
            list -> list.path("commands").forEach(c -> commands.add(c.path("title").asText())));
    assertThat(commands)
        .isNotEmpty()
        .allSatisfy(word -> assertThat(Command.named(word)).as(word).isPresent());
  }

  @Test
  void should_ask_for_every_channel_message_so_an_experts_reply_without_a_mention_arrives() {
    assertThat(manifest.at("/authorization/permissions/resourceSpecific"))
        .anySatisfy(
            permission -> {
              assertThat(permission.path("name").asText()).isEqualTo("ChannelMessage.Read.Group");
              assertThat(permission.path("type").asText()).isEqualTo("Application");
            });
    assertThat(manifest.at("/webApplicationInfo/id").asText())
        .as("resource-specific consent is granted to the bot's own app registration")
        .isEqualTo(manifest.at("/bots/0/botId").asText());
  }

  @Test
  void should_ship_a_192_pixel_color_icon_and_a_transparent_32_pixel_outline() throws IOException {
    BufferedImage color =
        ImageIO.read(FOLDER.resolve(manifest.at("/icons/color").asText()).toFile());
    BufferedImage outline =
        ImageIO.read(FOLDER.resolve(manifest.at("/icons/outline").asText()).toFile());

    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    assertThat(outline.getColorModel().hasAlpha()).isTrue();
    assertThat(outline.getRGB(0, 0) >>> 24).as("transparent background").isZero();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode read(Path path) {
    try {
      return new ObjectMapper().readTree(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
