package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.TeamPage;
import io.learnloop.dialog.dashboard.TeamPage.Cell;
import io.learnloop.dialog.dashboard.TeamPage.Week;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the templates draw a {@link TeamPage} with: the heatmap's colours and the trend chart's
 * geometry, worked out on the server so the page needs no script.
 */
final class PageView {

  static final int CHART_WIDTH = 640;
  static final int CHART_HEIGHT = 160;
  private static final int BAR_GAP = 12;

  private final TeamPage page;
  private final String lang;

  PageView(TeamPage page, Locale locale) {
    this.page = page;
    this.lang = locale.getLanguage().equals("id") ? "id" : "en";
  }

  public TeamPage getPage() {
    return page;
  }

  /** The page's language, for links that keep it. */
  public String getLang() {
    return lang;
  }

  public static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** Red at 0 through amber to green at 1; grey where the learner has nothing on the skill. */
  public static String cellStyle(Cell cell) {
    if (cell.mastery().isEmpty()) {
      return "background-color:#eeeeee";
    }
    double hue = 120 * cell.mastery().get().estimate();
    return String.format(Locale.ROOT, "background-color:hsl(%.0f,60%%,78%%)", hue);
  }

  public int chartWidth() {
    return CHART_WIDTH;
  }

  public int chartHeight() {
    return CHART_HEIGHT;
  }

  public int barWidth() {
    return (CHART_WIDTH - BAR_GAP * (page.weeks().size() + 1)) / Math.max(1, page.weeks().size());
  }

  public int barX(int index) {
    return BAR_GAP + index * (barWidth() + BAR_GAP);
  }

  /** The bar of a week's answers, the busiest week filling the chart. */
  public int barHeight(Week week) {
    int most = page.weeks().stream().mapToInt(Week::answers).max().orElse(0);
    return most == 0 ? 0 : (int) Math.round((CHART_HEIGHT - 20) * (double) week.answers() / most);
  }

  /** The accuracy line's points, over the weeks that had answers. */
  public String accuracyPoints() {
    List<Week> weeks = page.weeks();
    return IntStream.range(0, weeks.size())
        .filter(i -> weeks.get(i).accuracy().isPresent())
        .mapToObj(
            i ->
                (barX(i) + barWidth() / 2)
                    + ","
                    + Math.round(
                        (CHART_HEIGHT - 20) * (1 - weeks.get(i).accuracy().getAsDouble()) + 10))
        .collect(Collectors.joining(" "));
  }
}
