package io.teamsmeet.graph;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.teamsmeet.TeamsMeetings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Hands the access tokens that {@link TeamsMeetings} manages for a user (cached, refreshed once per
 * user for many callers, their refresh token encrypted at rest) to the Microsoft Graph Java SDK, as
 * the Kiota {@link AccessTokenProvider} it authenticates with:
 *
 * <pre>{@code
 * GraphServiceClient graph =
 *     new GraphServiceClient(TeamsAccessTokenProvider.forUser(teams, appUserId).authentication());
 * User me = graph.me().get();
 * }</pre>
 *
 * <p>A token is handed out only for a request to an allowed host (by default Microsoft Graph's
 * hosts in the clouds the SDK supports: {@code graph.microsoft.com}, {@code graph.microsoft.us},
 * {@code dod-graph.microsoft.us}), over {@code https} ({@code http} only on a loopback address, for
 * tests against a local fake); for any other host it returns an empty string, so that no {@code
 * Authorization} header is sent. The token carries the scopes the user consented to at connect: ask
 * for the Graph scopes your calls need with {@code TeamsMeetings.builder().scopes(...)}.
 *
 * <p>Immutable and thread-safe; one instance per user, or one for all with {@link #forCurrentUser}.
 */
public final class TeamsAccessTokenProvider implements AccessTokenProvider {

  /** Microsoft Graph's hosts in the global and US government clouds. */
  private static final String[] GRAPH_HOSTS = {
    "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us"
  };

  private final TeamsMeetings teams;
  private final Supplier<String> userId;
  private final AllowedHostsValidator hosts;

  private TeamsAccessTokenProvider(
      TeamsMeetings teams, Supplier<String> userId, AllowedHostsValidator hosts) {
    this.teams = teams;
    this.userId = userId;
    this.hosts = hosts;
  }

  /**
   * Tokens of one application user.
   *
   * @param teams the SDK instance that holds the user's connection
   * @param userId the application's id for the user
   * @return the provider
   * @throws IllegalArgumentException if an argument is null, or the user id blank
   */
  public static TeamsAccessTokenProvider forUser(TeamsMeetings teams, String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    return forCurrentUser(teams, () -> userId);
  }

  /**
   * Tokens of whichever application user {@code currentUserId} names when a request is sent (for
   * one Graph client shared by all users, the user coming from the request or the security
   * context).
   *
   * @param teams the SDK instance that holds the users' connections
   * @param currentUserId the user of the request being sent, called once per request
   * @return the provider
   */
  public static TeamsAccessTokenProvider forCurrentUser(
      TeamsMeetings teams, Supplier<String> currentUserId) {
    if (teams == null || currentUserId == null) {
      throw new IllegalArgumentException("teams and currentUserId must not be null");
    }
    return new TeamsAccessTokenProvider(
        teams, currentUserId, new AllowedHostsValidator(GRAPH_HOSTS));
  }

  /**
   * A copy that hands tokens out for these hosts instead of Graph's (a local fake, a proxy).
   *
   * @param hosts host names, without scheme or port
   * @return the copy
   */
  public TeamsAccessTokenProvider withAllowedHosts(String... hosts) {
    if (hosts == null || hosts.length == 0) {
      throw new IllegalArgumentException("hosts must name at least one host");
    }
    return new TeamsAccessTokenProvider(teams, userId, new AllowedHostsValidator(hosts));
  }

  /**
   * This provider as the authentication provider a {@code GraphServiceClient} is built with.
   *
   * @return a bearer-token authentication provider on this provider
   */
  public BaseBearerTokenAuthenticationProvider authentication() {
    return new BaseBearerTokenAuthenticationProvider(this);
  }

  /**
   * The user's current access token, if {@code uri} is an allowed host over https (or http on a
   * loopback address); else an empty string.
   *
   * @throws io.teamsmeet.ReauthorizationRequiredException if the user must connect again
   * @throws IllegalArgumentException for an allowed host over plain http that is not loopback
   */
  @Override
  public String getAuthorizationToken(
      URI uri, Map<String, Object> additionalAuthenticationContext) {
    Objects.requireNonNull(uri, "uri");
    if (!hosts.isUrlHostValid(uri)) {
      return "";
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("a token is sent over https only (http on loopback)");
    }
    return teams.accessToken(userId.get()).value();
  }

  @Override
  public AllowedHostsValidator getAllowedHostsValidator() {
    return hosts;
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // a name other than localhost: no lookup
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TeamsAccessTokenProvider[" + teams + "]";
  }
}
