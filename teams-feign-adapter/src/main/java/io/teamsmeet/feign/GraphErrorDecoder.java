package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.spi.Failures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Graph error answer into the core exception for the caller's decision. The body (JSON or
 * not, complete or not) is only mined for {@code error.code}, {@code error.message} and {@code
 * error.innerError} ({@code request-id}, {@code client-request-id}, {@code date}); the response
 * headers supply the same ids and the {@code Date} when the body has none.
 *
 * <ul>
 *   <li>401 → {@link TeamsServiceException} status 401, not retryable (the core refreshes once and
 *       retries once). A claims challenge ({@code WWW-Authenticate: Bearer
 *       error="insufficient_claims", claims="..."}) gives code {@code insufficient_claims} and the
 *       decoded claims in the description.
 *   <li>403 → {@link PermissionDeniedException}; 404 → {@link MeetingNotFoundException}.
 *   <li>429, 503, 504 → {@link ThrottledException} with the parsed {@code Retry-After} (null when
 *       absent).
 *   <li>500, 502 and other 5xx but 501 and 505 → retryable {@link TeamsServiceException}.
 *   <li>400, 409 and every other status → non-retryable {@link TeamsServiceException}.
 * </ul>
 */
final class GraphErrorDecoder implements ErrorDecoder {

  private static final Pattern CHALLENGE_ERROR = Pattern.compile("error\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern CHALLENGE_CLAIMS = Pattern.compile("claims\\s*=\\s*\"([^\"]*)\"");

  private final Clock clock;

  GraphErrorDecoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    JsonNode error = Json.object(Json.parseOrMissing(Http.readErrorBody(response)), "error");
    JsonNode inner = Json.fieldIgnoreCase(error, "innerError");
    ErrorDetails.Builder builder = Http.details(response);
    builder.code(Json.text(error, "code").orElse(null));
    builder.description(Http.scrub(Json.text(error, "message").orElse(null), response.request()));
    Json.text(inner, "request-id").ifPresent(builder::requestId);
    Json.text(inner, "client-request-id").ifPresent(builder::clientRequestId);
    Json.text(inner, "date").ifPresent(builder::date);
    if (status == 401) {
      claimsChallenge(response)
          .ifPresent(claims -> builder.code("insufficient_claims").description(claims));
    }
    return classify(status, response, builder.build());
  }

  private TeamsException classify(int status, Response response, ErrorDetails details) {
    switch (status) {
      case 401:
        return Failures.service(
            details.code().filter("insufficient_claims"::equals).isPresent()
                ? "Microsoft Graph asks for a claims challenge (insufficient_claims): the user must"
                    + " sign in again"
                : "Microsoft Graph rejected the access token",
            details,
            false,
            null);
      case 403:
        return Failures.permissionDenied(details);
      case 404:
        return Failures.meetingNotFound(details);
      case 429:
      case 503:
      case 504:
        return Failures.throttled(Http.retryAfter(response, clock), details);
      case 400:
        return Failures.service(
            "Microsoft Graph rejected the request as invalid", details, false, null);
      case 409:
        return Failures.service("Microsoft Graph reported a conflict", details, false, null);
      default:
        if (status >= 500 && status != 501 && status != 505) {
          return Failures.service(
              "Microsoft Graph failed to serve the request", details, true, null);
        }
        return Failures.service(
            "Microsoft Graph answered with an unexpected status", details, false, null);
    }
  }

  /**
   * Reads a claims challenge: {@code error="insufficient_claims"} with {@code claims} holding
   * base64 JSON, returned decoded ({@code claims=...}).
   */
  static Optional<String> claimsChallenge(Response response) {
    Optional<String> header = Http.header(response.headers(), "WWW-Authenticate");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Matcher error = CHALLENGE_ERROR.matcher(header.get());
    if (!error.find() || !error.group(1).equalsIgnoreCase("insufficient_claims")) {
      return Optional.empty();
    }
    Matcher claims = CHALLENGE_CLAIMS.matcher(header.get());
    if (!claims.find()) {
      return Optional.of("claims challenge without claims");
    }
    String raw = claims.group(1);
    try {
      return Optional.of(
          "claims=" + new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      try {
        return Optional.of(
            "claims=" + new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e2) {
        return Optional.of("claims=" + raw);
      }
    }
  }
}
