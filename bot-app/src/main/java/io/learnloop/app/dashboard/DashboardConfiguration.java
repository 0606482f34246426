package io.learnloop.app.dashboard;

import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.dashboard.DashboardAccess;
import io.learnloop.dialog.dashboard.PilotReports;
import io.learnloop.dialog.dashboard.TeamDashboards;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisContentGaps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The learning dashboard: its pages, who may see them, and the content gaps it shows. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PilotReportSettings.class)
class DashboardConfiguration {

  @Bean
  ContentGaps contentGaps(RedisConnector redis) {
    return new RedisContentGaps(redis);
  }

  @Bean
  DashboardViewers dashboardViewers(Learners learners, Roster roster) {
    return new DashboardViewers(learners, roster);
  }

  @Bean
  RosterOidcUsers rosterOidcUsers(DashboardViewers viewers) {
    return new RosterOidcUsers(viewers);
  }

  @Bean
  DashboardAccess dashboardAccess(Roster roster) {
    return new DashboardAccess(roster);
  }

  @Bean
  Dashboard dashboard(
      LearningContent content,
      AnswerLog answers,
      Learners learners,
      Spacing spacing,
      CurrentResponseModel model,
      ContentGaps gaps,
      PilotReportSettings pilot) {
    return new Dashboard(
        content
            .catalog()
            .map(
                catalog ->
                    new TeamDashboards(
                        catalog,
                        answers,
                        new Snapshots(catalog, answers, learners, spacing, model),
                        gaps)),
        content
            .catalog()
            .map(catalog -> new PilotReports(catalog, answers, spacing, model, pilot.policy())));
  }

  /**
   * The browser's language, unless {@code ?lang=en} or {@code ?lang=id} says otherwise: what every
   * other endpoint got before, plus the dashboard's switch.
   */
  @Bean
  LocaleResolver localeResolver() {
    return new AcceptHeaderLocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("id".equals(lang) || "en".equals(lang)) {
          return Locale.forLanguageTag(lang);
        }
        return super.resolveLocale(request);
      }
    };
  }
}
