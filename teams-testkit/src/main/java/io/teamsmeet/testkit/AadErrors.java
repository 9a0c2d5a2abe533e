package io.teamsmeet.testkit;

import io.teamsmeet.testkit.Wire.Call;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The identity platform's error texts, shared by the authorize and token endpoints: the {@code
 * error_description} format ({@code "AADSTSnnnn: …\r\nTrace ID: …"}), {@code error_uri}, and the
 * messages both endpoints send.
 */
final class AadErrors {

  static final String ERROR_URI = "https://login.microsoftonline.com/error?code=";
  static final DateTimeFormatter AAD_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private AadErrors() {}

  static String description(
      int code, String message, String traceId, String correlationId, Instant now) {
    return "AADSTS"
        + code
        + ": "
        + message
        + "\r\nTrace ID: "
        + traceId
        + "\r\nCorrelation ID: "
        + correlationId
        + "\r\nTimestamp: "
        + AAD_TIMESTAMP.format(now);
  }

  /** The request's {@code client-request-id}, else a new id. */
  static String correlation(Call call) {
    return call.header("client-request-id").orElseGet(Wire::guid);
  }

  static String missing(String parameter) {
    return "The request body must contain the following parameter: '" + parameter + "'.";
  }

  static String appNotFound(String clientId, String tenant) {
    return "Application with identifier '"
        + clientId
        + "' was not found in the directory '"
        + tenant
        + "'. This can happen if the application has not been installed by the administrator of"
        + " the tenant or consented to by any user in the tenant. You may have sent your"
        + " authentication request to the wrong tenant.";
  }

  static String redirectMismatch(String redirectUri, String clientId) {
    return "The redirect URI '"
        + redirectUri
        + "' specified in the request does not match the redirect URIs configured for the"
        + " application '"
        + clientId
        + "'. Make sure the redirect URI sent in the request matches one added to your"
        + " application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError"
        + " to learn more about how to fix this.";
  }

  static String notConsented(String clientId) {
    return "The user or administrator has not consented to use the application with ID '"
        + clientId
        + "' named '"
        + clientId
        + "'. Send an interactive authorization request for this user and resource.";
  }

  static String expiredGrant() {
    return "The provided authorization code or refresh token has expired due to inactivity. Send"
        + " a new interactive authorization request for this user and resource.";
  }
}
