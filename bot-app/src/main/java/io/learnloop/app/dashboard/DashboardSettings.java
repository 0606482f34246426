package io.learnloop.app.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in to the dashboard.
 *
 * @param adminPassword {@code LEARNLOOP_ADMIN_PASSWORD}; blank: one generated at first start,
 *     printed once and kept hashed under the data folder
 * @param oidc the organisation's OpenID Connect provider; blank issuer: none
 */
@ConfigurationProperties("learnloop.dashboard")
record DashboardSettings(String adminPassword, Oidc oidc) {

  DashboardSettings {
    adminPassword = adminPassword == null ? "" : adminPassword;
    oidc = oidc == null ? new Oidc("", "", "") : oidc;
  }

  /**
   * @param issuer {@code LEARNLOOP_OIDC_ISSUER}, whose {@code .well-known/openid-configuration}
   *     describes the provider
   */
  record Oidc(String issuer, String clientId, String clientSecret) {
    Oidc {
      issuer = issuer == null ? "" : issuer;
      clientId = clientId == null ? "" : clientId;
      clientSecret = clientSecret == null ? "" : clientSecret;
    }

    boolean configured() {
      return !issuer.isBlank();
    }

    @Override
    public String toString() {
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***]";
    }
  }

  @Override
  public String toString() {
    return "DashboardSettings[adminPassword=***, oidc=" + oidc + "]";
  }
}
