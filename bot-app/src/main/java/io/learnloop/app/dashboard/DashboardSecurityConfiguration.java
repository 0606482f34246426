package io.learnloop.app.dashboard;

import io.learnloop.app.DataSettings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the dashboard only. Every other endpoint keeps its own authentication (the API token,
 * Slack's signatures, the Bot Framework's tokens, the web chat's cookie), so the second chain lets
 * everything through untouched: no CSRF, no session, no headers of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(DashboardSettings.class)
class DashboardSecurityConfiguration {

  static final String OIDC = "oidc";
  private static final Logger log = LoggerFactory.getLogger(DashboardSecurityConfiguration.class);

  @Bean
  WebSecurityCustomizer dashboardFirewall() {
    return web -> web.httpFirewall(new DashboardFirewall());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService adminAccount(
      DashboardSettings settings, DataSettings data, PasswordEncoder encoder) {
    String hash =
        AdminAccount.passwordHash(
            settings.adminPassword(), data.dataDir().resolve("dashboard"), encoder);
    return new InMemoryUserDetailsManager(
        User.withUsername(AdminAccount.USERNAME).password(hash).roles("ADMIN").build());
  }

  @Bean
  OidcSignIn oidcSignIn(DashboardSettings settings) {
    return new OidcSignIn(registration(settings.oidc()));
  }

  @Bean
  @Order(1)
  SecurityFilterChain dashboardChain(
      HttpSecurity http, OidcSignIn oidc, RosterOidcUsers rosterUsers) throws Exception {
    http.securityMatcher(
            "/dashboard", "/dashboard/**", "/login", "/login/**", "/logout", "/oauth2/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/login", "/login/**", "/oauth2/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/dashboard", false)
                    .failureUrl("/login?error"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    if (oidc.registration().isPresent()) {
      ClientRegistration registration = oidc.registration().get();
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .clientRegistrationRepository(
                      new InMemoryClientRegistrationRepository(registration))
                  .userInfoEndpoint(users -> users.oidcUserService(rosterUsers))
                  .defaultSuccessUrl("/dashboard", false)
                  .failureHandler(RosterOidcUsers.failureHandler()));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .build();
  }

  // An issuer that cannot be reached leaves the local admin sign-in working, and says why.
  private static Optional<ClientRegistration> registration(DashboardSettings.Oidc oidc) {
    if (!oidc.configured()) {
      return Optional.empty();
    }
    try {
      ClientRegistration registration =
          ClientRegistrations.fromIssuerLocation(oidc.issuer())
              .registrationId(OIDC)
              .clientId(oidc.clientId())
              .clientSecret(oidc.clientSecret())
              .scope("openid", "email", "profile")
              .build();
      log.info("Dashboard sign-in through OpenID Connect at {}", oidc.issuer());
      return Optional.of(registration);
    } catch (RuntimeException e) {
      log.error(
          "Dashboard: OpenID Connect issuer {} not usable ({}); only the local admin can sign in",
          oidc.issuer(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** The OpenID Connect provider people sign in with, if one is configured and reachable. */
  record OidcSignIn(Optional<ClientRegistration> registration) {}
}
