package io.learnloop.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.app.TestDataDir;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.dashboard.ContentGap;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard as people use it, on a real port: sign-in through a real OpenID Connect provider
 * (mock-oauth2-server, started here) and the pages in real headless Chromium. The sample roster:
 * Rina manages Sales Jakarta, Made manages Support Bali.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardEndToEndTest {

  static final String PASSWORD = "dashboard-e2e-password";
  static final String CLIENT = "learnloop-dashboard";
  static final MockOAuth2Server provider = new MockOAuth2Server();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    provider.start();
    registry.add("learnloop.dashboard.admin-password", () -> PASSWORD);
    registry.add("learnloop.dashboard.oidc.issuer", () -> provider.issuerUrl("default").toString());
    registry.add("learnloop.dashboard.oidc.client-id", () -> CLIENT);
    registry.add("learnloop.dashboard.oidc.client-secret", () -> "test-secret");
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @LocalServerPort int port;
  @Autowired AnswerLog answers;
  @Autowired Roster roster;
  @Autowired LearningContent content;
  @Autowired ContentGaps gaps;

  private WebDriver browser;

  @BeforeEach
  void aQuarterOfAnswers() {
    Catalog catalog = content.catalog().orElseThrow();
    Instant now = Instant.now();
    for (RosterEntry person : roster.all()) {
      if (!person.team().equals("sales-jakarta")) {
        continue;
      }
      Random random = new Random(person.name().hashCode());
      double skill = 0.35 + 0.5 * random.nextDouble();
      Set<String> targets = new LinkedHashSet<>();
      catalog
          .role(person.role())
          .map(Role::targets)
          .orElseThrow()
          .keySet()
          .forEach(s -> targets.add(s.value()));
      List<Item> items =
          catalog.items().stream()
              .filter(i -> i.skills().stream().anyMatch(s -> targets.contains(s.value())))
              .toList();
      for (int day = 0; day < 56; day += 1 + random.nextInt(3)) {
        Item item = items.get(random.nextInt(items.size()));
        boolean correct = random.nextDouble() < skill;
        answers.record(
            new RecordAnswer(
                new AnswerEvent(
                    new AnswerId("e2e-" + person.learner().value() + "-" + day),
                    person.learner(),
                    item.id(),
                    correct ? item.answer() : (item.answer() + 1) % item.choices().size(),
                    correct,
                    Duration.ofSeconds(20),
                    now.minus(Duration.ofDays(day)).minusSeconds(3600),
                    AnswerContext.DAILY),
                item.skills(),
                person.team(),
                java.time.ZoneId.of("Asia/Jakarta")));
      }
    }
    gaps.record(
        new ContentGap(
            ContentGap.Kind.UNANSWERED, "sales-jakarta", "Can I claim a taxi after 9 pm?", now));
    gaps.record(
        new ContentGap(ContentGap.Kind.NOT_HELPFUL, "sales-jakarta", "expense-claims.md", now));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void should_sign_a_manager_in_through_openid_connect_and_refuse_another_teams_page()
      throws Exception {
    HttpClient http = signedInAs("rina.wijaya@lumbung.example");

    HttpResponse<String> landed = http.send(get("/oauth2/authorization/oidc"), body());
    HttpResponse<String> other = http.send(get("/dashboard/teams/support-bali"), body());

    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.uri().getPath()).isEqualTo("/dashboard/teams/sales-jakarta");
    assertThat(landed.body()).contains("Siti Nurhaliza", "Budi Santoso", "Ayu Pratama");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).doesNotContain("Dewi Lestari");
  }

  @Test
  void should_show_someone_not_on_the_roster_a_page_that_says_so() throws Exception {
    HttpClient http = signedInAs("visitor@elsewhere.example");

    HttpResponse<String> landed =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorization/oidc"))
                .header("Accept-Language", "id-ID,id;q=0.9")
                .build(),
            body());

    assertThat(landed.uri().getPath()).isEqualTo("/login/not-on-roster");
    assertThat(landed.body()).contains("Anda tidak ada di daftar karyawan");
    assertThat(http.send(get("/dashboard"), body()).uri().getPath()).isEqualTo("/login");
  }

  @Test
  void should_render_the_team_heatmap_in_chromium_after_the_admin_signs_in() throws IOException {
    browser = chromium();
    browser.get(base() + "/dashboard/teams/sales-jakarta");
    assertThat(browser.getCurrentUrl()).endsWith("/login");

    signInAsAdmin();

    assertThat(browser.getCurrentUrl()).contains("/dashboard/teams/sales-jakarta");
    assertThat(texts("table.heatmap tbody tr th"))
        .containsExactly("Ayu Pratama", "Budi Santoso", "Rina Wijaya", "Siti Nurhaliza");
    assertThat(texts("table.heatmap thead th.skill")).containsExactlyElementsOf(skillsOfSales());
    assertThat(browser.findElements(By.cssSelector("table.heatmap td.cell")))
        .hasSize(4 * skillsOfSales().size());
    assertThat(browser.findElement(By.id("gaps")).getText())
        .contains("Can I claim a taxi after 9 pm?");
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Path.of("target", "dashboard-team.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void should_render_the_printable_pilot_report_in_chromium() throws IOException {
    browser = chromium();
    browser.get(base() + "/login");
    signInAsAdmin();

    browser.get(base() + "/dashboard/pilot?team=sales-jakarta");

    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Pilot report: team sales-jakarta");
    assertThat(browser.findElement(By.cssSelector("#participation .number")).getText())
        .isEqualTo("4 / 4");
    assertThat(texts("table.pilot-mastery tbody th")).containsExactlyElementsOf(skillsOfSales());
    assertThat(browser.findElement(By.id("time-avoided")).getText()).contains("2 minutes");
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Path.of("target", "pilot-report.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void should_show_a_manager_signed_in_in_chromium_that_another_team_is_not_theirs() {
    provider.enqueueCallback(callback("made.wirawan@lumbung.example"));
    browser = chromium();
    browser.get(base() + "/login?lang=id");

    browser.findElement(By.id("oidc")).click();
    arrivedAt("/dashboard");
    assertThat(browser.getCurrentUrl()).contains("/dashboard/teams/support-bali");
    browser.get(base() + "/dashboard/teams/sales-jakarta?lang=id");

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bukan tim Anda");
    assertThat(browser.getPageSource()).doesNotContain("Siti Nurhaliza");
  }

  private List<String> skillsOfSales() {
    Catalog catalog = content.catalog().orElseThrow();
    Set<String> names = new LinkedHashSet<>();
    roster.all().stream()
        .filter(e -> e.team().equals("sales-jakarta"))
        .sorted(RosterEntry.BY_NAME)
        .forEach(
            e ->
                catalog.role(e.role()).orElseThrow().targets().keySet().stream()
                    .map(
                        s ->
                            catalog
                                .skill(s)
                                .orElseThrow()
                                .name()
                                .in(io.learnloop.dialog.i18n.Language.ENGLISH))
                    .forEach(names::add));
    return List.copyOf(names);
  }

  // A click returns before the page it submits to has loaded: wait for the browser to get there.
  private void signInAsAdmin() {
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[action='/login'] button")).click();
    arrivedAt("/dashboard");
  }

  private void arrivedAt(String path) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(
            driver ->
                driver.getCurrentUrl().contains(path)
                    && "complete"
                        .equals(
                            ((org.openqa.selenium.JavascriptExecutor) driver)
                                .executeScript("return document.readyState")));
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=1280,1700",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .build();
    return new ChromeDriver(service, options);
  }

  private HttpClient signedInAs(String email) {
    provider.enqueueCallback(callback(email));
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static DefaultOAuth2TokenCallback callback(String email) {
    return new DefaultOAuth2TokenCallback(
        "default",
        email,
        "JWT",
        List.of(CLIENT),
        Map.of("email", email, "email_verified", true, "name", email),
        3600);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
