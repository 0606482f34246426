package io.learnloop.integrations.charts;

import io.learnloop.dialog.channel.ChartImage;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.channel.Reply.ManagerNudge.TeamSkill;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The nudge's chart drawn with JFreeChart: one horizontal bar per skill for the team's mastery, an
 * error bar of one standard deviation for its uncertainty, and a mark at the roles' target.
 */
public final class JFreeNudgeCharts implements NudgeCharts {

  public static final int WIDTH = 720;
  static final int HEIGHT_PER_SKILL = 34;
  static final int HEIGHT_AROUND = 130;

  private static final Color MASTERY = new Color(0x1f, 0x4e, 0x79);
  private static final Color TARGET = new Color(0xd9, 0x48, 0x1c);

  static {
    // Drawing on a server that has no display.
    System.setProperty("java.awt.headless", "true");
  }

  /** The chart's height for a nudge of {@code skills} skills. */
  public static int height(int skills) {
    return HEIGHT_AROUND + HEIGHT_PER_SKILL * skills;
  }

  @Override
  public Optional<ChartImage> of(ManagerNudge nudge) {
    if (nudge.skills().isEmpty()) {
      return Optional.empty();
    }
    Language language = nudge.language();
    DefaultStatisticalCategoryDataset mastery = new DefaultStatisticalCategoryDataset();
    DefaultCategoryDataset targets = new DefaultCategoryDataset();
    String masteryKey = Messages.get(language, "render.nudge-chart-mastery");
    String targetKey = Messages.get(language, "render.nudge-chart-target");
    for (TeamSkill skill : nudge.skills()) {
      mastery.add(100 * skill.mastery(), 100 * skill.uncertainty(), masteryKey, skill.skill());
      targets.addValue(100 * skill.target(), targetKey, skill.skill());
    }
    String title = Messages.get(language, "render.nudge-chart-title");
    int height = height(nudge.skills().size());
    BufferedImage image =
        chart(title, mastery, targets, language).createBufferedImage(WIDTH, height);
    return Optional.of(
        new ChartImage(png(image), WIDTH, height, "team-mastery.png", title, altText(nudge)));
  }

  private static JFreeChart chart(
      String title,
      DefaultStatisticalCategoryDataset mastery,
      DefaultCategoryDataset targets,
      Language language) {
    NumberAxis percent = new NumberAxis(Messages.get(language, "render.nudge-chart-axis"));
    percent.setRange(0, 100);
    percent.setTickUnit(new NumberTickUnit(10));
    StatisticalBarRenderer bars = new StatisticalBarRenderer();
    bars.setSeriesPaint(0, MASTERY);
    bars.setErrorIndicatorPaint(Color.BLACK);
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setMaximumBarWidth(0.6);
    CategoryPlot plot = new CategoryPlot(mastery, new CategoryAxis(), percent, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
    marks.setSeriesPaint(0, TARGET);
    // Across the bar: a tall, thin mark where the target lies.
    marks.setSeriesShape(0, new Rectangle2D.Double(-2, -11, 4, 22));
    plot.setDataset(1, targets);
    plot.setRenderer(1, marks);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String altText(ManagerNudge nudge) {
    List<TeamSkill> skills = nudge.skills();
    String lines =
        skills.stream()
            .map(
                s ->
                    s.skill()
                        + " "
                        + Math.round(100 * s.mastery())
                        + "% ± "
                        + Math.round(100 * s.uncertainty())
                        + " ("
                        + Math.round(100 * s.target())
                        + "%)")
            .collect(Collectors.joining("; "));
    return Messages.get(nudge.language(), "render.nudge-chart-alt", lines);
  }
}
