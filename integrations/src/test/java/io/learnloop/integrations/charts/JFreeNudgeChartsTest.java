package io.learnloop.integrations.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.ChartImage;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.channel.Reply.ManagerNudge.TeamSkill;
import io.learnloop.dialog.i18n.Language;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JFreeNudgeChartsTest {

  private final JFreeNudgeCharts charts = new JFreeNudgeCharts();

  @Test
  void should_draw_a_png_of_the_expected_size_with_bars_in_it() throws Exception {
    ChartImage chart = charts.of(nudge(Language.ENGLISH, threeSkills())).orElseThrow();

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));

    assertThat(image).as("decodes as an image").isNotNull();
    assertThat(image.getWidth()).isEqualTo(JFreeNudgeCharts.WIDTH).isEqualTo(chart.width());
    assertThat(image.getHeight()).isEqualTo(JFreeNudgeCharts.height(3)).isEqualTo(chart.height());
    assertThat(colours(image)).as("more than a blank canvas").hasSizeGreaterThan(20);
    assertThat(pixelsOf(image, 0x1f4e79)).as("the mastery bars' colour").isGreaterThan(2_000);
    assertThat(pixelsOf(image, 0xd9481c)).as("the target marks' colour").isGreaterThan(50);
    assertThat(chart.fileName()).isEqualTo("team-mastery.png");
    assertThat(chart.altText()).contains("Security basics 52% ± 8 (75%)");
    Files.write(Path.of("target", "nudge-chart.png"), chart.png());
  }

  @Test
  void should_title_the_chart_in_the_managers_language() {
    ChartImage chart = charts.of(nudge(Language.INDONESIAN, threeSkills())).orElseThrow();

    assertThat(chart.title()).isEqualTo("Penguasaan tim per keterampilan dibanding target peran");
    assertThat(chart.altText()).startsWith("Diagram batang");
  }

  @Test
  void should_draw_no_chart_for_a_manager_with_no_reports() {
    assertThat(charts.of(nudge(Language.ENGLISH, List.of()))).isEmpty();
  }

  private static List<TeamSkill> threeSkills() {
    return List.of(
        new TeamSkill("Security basics", 0.52, 0.08, 0.75, 0, 3),
        new TeamSkill("Leave policy", 0.81, 0.05, 0.65, 2, 3),
        new TeamSkill("Phishing awareness", 0.40, 0.12, 0.75, 0, 3));
  }

  private static ManagerNudge nudge(Language language, List<TeamSkill> skills) {
    return new ManagerNudge(
        language,
        "Your team this week",
        "summary",
        skills.isEmpty() ? 0 : 1,
        skills.isEmpty() ? 0 : 3,
        skills,
        List.of(),
        List.of(),
        List.of(),
        skills.isEmpty() ? "" : "/dashboard?lang=en");
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours;
  }

  private static int pixelsOf(BufferedImage image, int rgb) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return count;
  }
}
