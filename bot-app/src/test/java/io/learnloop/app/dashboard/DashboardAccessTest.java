package io.learnloop.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.Learners;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees what on the dashboard, through the real security filter chains, with the sample roster:
 * Rina manages Sales Jakarta (Ayu, Budi, Siti), Made manages Support Bali.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class DashboardAccessTest {

  static final String PASSWORD = "correct horse battery staple";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    registry.add("learnloop.dashboard.admin-password", () -> PASSWORD);
  }

  @Autowired MockMvc mvc;
  @Autowired Learners learners;

  @Test
  void should_send_an_anonymous_visitor_to_the_login_page() throws Exception {
    mvc.perform(get("/dashboard/teams/sales-jakarta"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/dashboard/teams/sales-jakarta.csv"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
  }

  @Test
  void should_sign_the_admin_in_with_the_configured_password_and_a_csrf_token() throws Exception {
    mvc.perform(formLogin("/login").user("admin").password(PASSWORD))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/dashboard"));
    mvc.perform(formLogin("/login").user("admin").password("wrong"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void should_refuse_a_login_or_a_logout_without_a_csrf_token() throws Exception {
    mvc.perform(
            post("/login")
                .param("username", "admin")
                .param("password", PASSWORD)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))
        .andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(admin())).andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(admin()).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
  }

  @Test
  void should_show_the_admin_any_team_with_its_heatmap_in_either_language() throws Exception {
    String english =
        mvc.perform(get("/dashboard/teams/support-bali").with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String indonesian =
        mvc.perform(get("/dashboard/teams/support-bali").param("lang", "id").with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(english)
        .contains("Mastery by learner and skill", "Dewi Lestari", "Yusuf Hakim", "Made Wirawan");
    assertThat(indonesian).contains("Penguasaan per peserta dan keterampilan", "Dewi Lestari");
    mvc.perform(get("/dashboard/teams/nobody-here").with(admin())).andExpect(status().isNotFound());
  }

  @Test
  void should_show_a_manager_their_own_reports_and_refuse_another_team() throws Exception {
    RequestPostProcessor rina = person("rina.wijaya@lumbung.example");

    mvc.perform(get("/dashboard").with(rina))
        .andExpect(redirectedUrl("/dashboard/teams/sales-jakarta?lang=en"));
    String page =
        mvc.perform(get("/dashboard/teams/sales-jakarta").with(rina))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Siti Nurhaliza", "Budi Santoso", "Ayu Pratama");
    String refused =
        mvc.perform(get("/dashboard/teams/support-bali").with(rina))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("Not your team").doesNotContain("Dewi Lestari");
    mvc.perform(get("/dashboard/teams/support-bali.csv").with(rina))
        .andExpect(status().isForbidden());
    mvc.perform(get("/dashboard/learners/" + learnerOf("siti.nurhaliza")).with(rina))
        .andExpect(status().isOk());
    mvc.perform(get("/dashboard/learners/" + learnerOf("dewi.lestari")).with(rina))
        .andExpect(status().isForbidden());
  }

  @Test
  void should_show_an_employee_only_their_own_page() throws Exception {
    RequestPostProcessor siti = person("siti.nurhaliza@lumbung.example");
    String own = "/dashboard/learners/" + learnerOf("siti.nurhaliza");

    mvc.perform(get("/dashboard").with(siti)).andExpect(redirectedUrl(own + "?lang=en"));
    String page =
        mvc.perform(get(own).with(siti).header("Accept-Language", "id-ID"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Kemajuan Siti Nurhaliza");
    mvc.perform(get("/dashboard/teams/sales-jakarta").with(siti)).andExpect(status().isForbidden());
    mvc.perform(get("/dashboard/learners/" + learnerOf("budi.santoso")).with(siti))
        .andExpect(status().isForbidden());
  }

  @Test
  void should_export_the_heatmap_as_utf8_csv_with_one_row_per_learner() throws Exception {
    String csv =
        mvc.perform(get("/dashboard/teams/sales-jakarta.csv").with(admin()))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("sales-jakarta")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("name,learner,");
    assertThat(csv.lines().skip(1))
        .extracting(line -> line.substring(0, line.indexOf(',')))
        .containsExactly("Ayu Pratama", "Budi Santoso", "Rina Wijaya", "Siti Nurhaliza");
  }

  @Test
  void should_leave_every_other_endpoint_without_a_session_csrf_or_security_headers()
      throws Exception {
    mvc.perform(
            post("/api/chat")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"help\"}"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("X-Frame-Options"))
        .andExpect(header().doesNotExist("Cache-Control"));
    mvc.perform(get("/actuator/health")).andExpect(header().doesNotExist("X-Content-Type-Options"));
  }

  @Test
  void should_tell_someone_signed_in_but_not_on_the_roster_so_in_both_languages() throws Exception {
    RequestPostProcessor stranger = person("stranger@elsewhere.example");

    String english =
        mvc.perform(get("/dashboard").with(stranger))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String indonesian =
        mvc.perform(get("/login/not-on-roster").param("lang", "id"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(english).contains("You are not on the roster");
    assertThat(indonesian).contains("Anda tidak ada di daftar karyawan");
  }

  private static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN");
  }

  private static RequestPostProcessor person(String email) {
    return oidcLogin().idToken(token -> token.claim("email", email).claim("email_verified", true));
  }

  private String learnerOf(String name) {
    return learners
        .findByIdentity(Enrollment.EMAIL, name + "@lumbung.example")
        .orElseThrow()
        .id()
        .value();
  }
}
