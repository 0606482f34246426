package io.learnloop.integrations.teams;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Serialization;
import java.net.MalformedURLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the Bot Framework parts for one single-tenant bot. New Azure bots are single-tenant, and
 * the SDK's adapter builds its credentials without a tenant (so tokens would be asked from the
 * retired multi-tenant {@code botframework.com} authority): here every credential names the tenant.
 */
public final class TeamsAdapters {

  /** Microsoft Entra ID's sign-in host; tokens come from {@code <login>/<tenant>}. */
  public static final String LOGIN = "https://login.microsoftonline.com/";

  private TeamsAdapters() {}

  /**
   * The bot's credentials for calls to the Bot Connector.
   *
   * @param tenant the bot's home tenant (its Azure registration's); empty for the legacy
   *     multi-tenant authority
   * @param login Entra ID's sign-in host, {@link #LOGIN} outside tests
   */
  public static AppCredentials credentials(
      String appId, String password, Optional<String> tenant, String login) {
    return credentials(appId, password, tenant, login, null);
  }

  /** Microsoft Graph's scope for an app's own permissions (e.g. {@code User.Read.All}). */
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  /**
   * The bot's credentials for Microsoft Graph with the app's own permissions ({@link
   * #GRAPH_SCOPE}): the same app id and secret, a token of the bot's tenant, kept and renewed by
   * MSAL's token cache.
   *
   * @param login Entra ID's sign-in host, {@link #LOGIN} outside tests
   */
  public static AppCredentials graphCredentials(
      String appId, String password, String tenant, String login) {
    return credentials(appId, password, Optional.of(tenant), login, GRAPH_SCOPE);
  }

  private static AppCredentials credentials(
      String appId, String password, Optional<String> tenant, String login, String scope) {
    if (appId.isBlank()) {
      return MicrosoftAppCredentials.empty();
    }
    String host = login.endsWith("/") ? login : login + "/";
    // MSAL checks an authority it does not know with Microsoft's instance discovery; a sign-in host
    // set by configuration (a test, a private cloud) is trusted as configured.
    boolean known = host.equals(LOGIN) || host.equals("https://login.microsoftonline.us/");
    return new MicrosoftAppCredentials(appId, password, tenant.orElse(null), scope) {
      @Override
      public String oAuthEndpoint() {
        return host + getChannelAuthTenant();
      }

      @Override
      protected Authenticator buildAuthenticator() throws MalformedURLException {
        ConfidentialClientApplication.Builder builder =
            ConfidentialClientApplication.builder(
                    getAppId(), ClientCredentialFactory.createFromSecret(getAppPassword()))
                .authority(oAuthEndpoint())
                .validateAuthority(known);
        if (!known) {
          builder.aadInstanceDiscoveryResponse(ownDiscovery(host, getChannelAuthTenant()));
        }
        ConfidentialClientApplication app = builder.build();
        ClientCredentialParameters parameters =
            ClientCredentialParameters.builder(Set.of(oAuthScope())).build();
        return () -> app.acquireToken(parameters);
      }
    };
  }

  // What Microsoft's instance discovery would say of a host that is its own only alias.
  private static String ownDiscovery(String host, String tenant) {
    java.net.URI uri = java.net.URI.create(host);
    // MSAL keeps discovered instances by host name, without the port, but its token cache by
    // host and port: a host on its own port is both, or no token is ever found in the cache.
    String name = uri.getHost();
    String authority = uri.getAuthority();
    return "{\"tenant_discovery_endpoint\":\""
        + host
        + tenant
        + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":"
        + "[{\"preferred_network\":\""
        + name
        + "\",\"preferred_cache\":\""
        + name
        + "\",\"aliases\":[\""
        + name
        + "\",\""
        + authority
        + "\"]}]}";
  }

  /**
   * The adapter that authenticates inbound activities.
   *
   * @param openIdMetadata where the Bot Connector's signing keys are described; empty for the
   *     public cloud's
   */
  public static BotFrameworkHttpAdapter adapter(
      String appId, String password, AppCredentials credentials, Optional<String> openIdMetadata) {
    // Jackson's modules are found through the context class loader: initialize the SDK's mapper
    // here, on an application thread, not on a Bot Framework pool thread whose loader cannot see
    // inside a packaged jar (botbuilder-java issue 1454).
    Serialization.getAs(java.util.Map.of(), Object.class);
    openIdMetadata.ifPresent(ChannelValidation::setOpenIdMetaDataUrl);
    return new BotFrameworkHttpAdapter(
        new SimpleCredentialProvider(appId, password), new SimpleChannelProvider()) {
      @Override
      protected CompletableFuture<AppCredentials> buildAppCredentials(String id, String scope) {
        return CompletableFuture.completedFuture(credentials);
      }
    };
  }
}
