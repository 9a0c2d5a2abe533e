package io.teamsmeet;

import java.net.URI;

/**
 * The Microsoft cloud to connect to: its identity platform (authority) host and its Microsoft Graph
 * host. Tokens of one cloud do not work in another, and the app must be registered in the same
 * cloud.
 *
 * <pre>{@code
 * TeamsMeetings teams = TeamsMeetings.builder()
 *     .cloud(MicrosoftCloud.US_GOV)          // GCC High
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>{@link #CHINA} is listed so that the choice is explicit, but Graph's onlineMeetings API is not
 * available there and {@code TeamsMeetings.Builder.build()} refuses it. Immutable and thread-safe.
 */
public enum MicrosoftCloud {
  /**
   * The global service, including GCC: {@code login.microsoftonline.com}, {@code
   * graph.microsoft.com}.
   */
  GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", true),
  /** US Government L4 (GCC High): {@code login.microsoftonline.us}, {@code graph.microsoft.us}. */
  US_GOV("https://login.microsoftonline.us", "https://graph.microsoft.us", true),
  /** US Government L5 (DoD): {@code login.microsoftonline.us}, {@code dod-graph.microsoft.us}. */
  US_GOV_DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", true),
  /**
   * China operated by 21Vianet: {@code login.partner.microsoftonline.cn}, {@code
   * microsoftgraph.chinacloudapi.cn}. Online meetings are not available there.
   */
  CHINA(
      "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn", false);

  private final URI identityEndpoint;
  private final URI graphEndpoint;
  private final boolean onlineMeetings;

  MicrosoftCloud(String identityEndpoint, String graphEndpoint, boolean onlineMeetings) {
    this.identityEndpoint = URI.create(identityEndpoint);
    this.graphEndpoint = URI.create(graphEndpoint);
    this.onlineMeetings = onlineMeetings;
  }

  /** The identity platform's root, e.g. {@code https://login.microsoftonline.com}. */
  public URI identityEndpoint() {
    return identityEndpoint;
  }

  /** Microsoft Graph's service root without version, e.g. {@code https://graph.microsoft.com}. */
  public URI graphEndpoint() {
    return graphEndpoint;
  }

  /** Whether Graph's onlineMeetings API is available in this cloud. */
  public boolean supportsOnlineMeetings() {
    return onlineMeetings;
  }
}
