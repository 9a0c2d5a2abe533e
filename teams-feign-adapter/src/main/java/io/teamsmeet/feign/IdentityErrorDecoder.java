package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.spi.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an error answer of the token endpoint into the core exception for the caller's decision.
 *
 * <p>The body's {@code error}, {@code error_description}, {@code error_codes} (AADSTS numbers),
 * {@code suberror}, {@code trace_id}, {@code correlation_id} and {@code timestamp} go into {@link
 * ErrorDetails} (status, code, description, errorCodes, subError, requestId, clientRequestId,
 * date). Classification follows Microsoft's advice: branch on {@code error} and {@code suberror}
 * first and use AADSTS numbers as hints; never on the description. In order:
 *
 * <ol>
 *   <li>HTTP 429 or AADSTS90055 (tenant throttled) → {@link ThrottledException} with Retry-After.
 *   <li>AADSTS50196 (loop detected) → non-retryable {@link TeamsServiceException}: the app is
 *       sending the same request too fast.
 *   <li>{@code temporarily_unavailable}, {@code server_error}, HTTP 5xx or AADSTS 50033, 50087,
 *       90006, 90024, 90033, 90090, 70012 → retryable {@link TeamsServiceException}.
 *   <li>Registration or configuration mistakes ({@code invalid_client}, {@code
 *       unauthorized_client}, {@code invalid_scope}, {@code unsupported_grant_type}, {@code
 *       invalid_request} with AADSTS50011 or 900144, and AADSTS 50194, 700016, 7000215, 7000222,
 *       700025, 7000218, 700027, 700024, 70011; {@code invalid_grant} with suberror {@code
 *       client_mismatch}) → {@link ConfigurationException} whose message says what to fix.
 *   <li>AADSTS53003 (blocked by Conditional Access), AADSTS50057 (user disabled) and suberror
 *       {@code protection_policy_required}: signing in again does not help, an administrator has to
 *       act → {@link PermissionDeniedException}; the stored grant is kept.
 *   <li>{@code invalid_grant}, {@code interaction_required}, {@code consent_required}, {@code
 *       login_required} → {@link ReauthorizationRequiredException}: {@code consent_required} (or
 *       consent AADSTS 65001, 65004, 90094, or suberror {@code consent_required}) →
 *       CONSENT_REQUIRED; {@code interaction_required}, {@code login_required}, or an {@code
 *       invalid_grant} that asks for MFA or a new sign-in (suberror {@code basic_action} or {@code
 *       additional_action}; AADSTS 50076, 50079, 50072, 50074, 50078, 50058, 70043) →
 *       INTERACTION_REQUIRED (the grant is kept); any other {@code invalid_grant} → INVALID_GRANT.
 *   <li>Anything else → non-retryable {@link TeamsServiceException}.
 * </ol>
 */
final class IdentityErrorDecoder implements ErrorDecoder {

  private static final Set<Long> TRANSIENT =
      Set.of(50033L, 50087L, 90006L, 90024L, 90033L, 90090L, 70012L);
  private static final Set<Long> MFA_OR_SIGN_IN =
      Set.of(50076L, 50079L, 50072L, 50074L, 50078L, 50058L, 70043L);
  private static final Set<Long> CONSENT = Set.of(65001L, 65004L, 90094L);

  private final Clock clock;
  private final String redirectUri;

  IdentityErrorDecoder(Clock clock, String redirectUri) {
    this.clock = clock;
    this.redirectUri = redirectUri;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    JsonNode body = Json.parseOrMissing(Http.readErrorBody(response));
    ErrorDetails.Builder builder = Http.details(response);
    Optional<String> error = Json.text(body, "error").map(s -> s.toLowerCase(Locale.ROOT));
    Optional<String> subError = Json.text(body, "suberror").map(s -> s.toLowerCase(Locale.ROOT));
    List<Long> codes = errorCodes(body);
    builder
        .code(error.orElse(null))
        .description(
            Http.scrub(Json.text(body, "error_description").orElse(null), response.request()));
    builder.errorCodes(codes).subError(subError.orElse(null));
    Json.text(body, "trace_id").ifPresent(builder::requestId);
    Json.text(body, "correlation_id").ifPresent(builder::clientRequestId);
    Json.text(body, "timestamp").ifPresent(builder::date);
    return classify(
        response.status(),
        error.orElse(""),
        subError.orElse(""),
        codes,
        builder.build(),
        Http.retryAfter(response, clock));
  }

  private static List<Long> errorCodes(JsonNode body) {
    List<Long> codes = new ArrayList<>();
    JsonNode node = body.get("error_codes");
    if (node != null && node.isArray()) {
      for (JsonNode n : node) {
        Json.scalar(n).ifPresent(s -> parseCode(s).ifPresent(codes::add));
      }
    }
    if (codes.isEmpty()) {
      // Some answers carry only the description; its leading "AADSTSnnnn:" is the code.
      Json.text(body, "error_description")
          .filter(d -> d.startsWith("AADSTS"))
          .map(d -> d.substring(6, firstNonDigit(d, 6)))
          .flatMap(IdentityErrorDecoder::parseCode)
          .ifPresent(codes::add);
    }
    return codes;
  }

  private static int firstNonDigit(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Optional<Long> parseCode(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  TeamsException classify(
      int status,
      String error,
      String subError,
      List<Long> codes,
      ErrorDetails details,
      Duration retryAfter) {
    if (status == 429 || codes.contains(90055L)) {
      return Failures.throttled(retryAfter, details);
    }
    if (codes.contains(50196L)) {
      return Failures.service(
          "Microsoft detected a request loop (AADSTS50196): the app sends the same token request"
              + " too often; cache tokens and back off before trying again",
          details,
          false,
          null);
    }
    if (error.equals("temporarily_unavailable")
        || error.equals("server_error")
        || status >= 500
        || codes.stream().anyMatch(TRANSIENT::contains)) {
      return Failures.service(
          "the Microsoft identity platform is temporarily unable to issue tokens; try again later",
          details,
          true,
          null);
    }
    Optional<String> fix = configurationProblem(error, subError, codes);
    if (fix.isPresent()) {
      return Failures.configuration(fix.get(), details);
    }
    if (codes.contains(53003L)) {
      return Failures.permissionDenied(
          "Conditional Access blocks this user's sign-in to the app; an administrator must change the"
              + " policy (signing in again does not help)",
          details);
    }
    if (codes.contains(50057L)) {
      return Failures.permissionDenied(
          "the user's account is disabled in their organization", details);
    }
    if (subError.equals("protection_policy_required")) {
      return Failures.permissionDenied(
          "an app protection policy is required for this user; an administrator must act", details);
    }
    switch (error) {
      case "consent_required":
        return Failures.reauthorizationRequired(Reason.CONSENT_REQUIRED, details);
      case "interaction_required":
      case "login_required":
        return Failures.reauthorizationRequired(Reason.INTERACTION_REQUIRED, details);
      case "invalid_grant":
        if (subError.equals("consent_required") || codes.stream().anyMatch(CONSENT::contains)) {
          return Failures.reauthorizationRequired(Reason.CONSENT_REQUIRED, details);
        }
        if (subError.equals("basic_action")
            || subError.equals("additional_action")
            || codes.stream().anyMatch(MFA_OR_SIGN_IN::contains)) {
          return Failures.reauthorizationRequired(Reason.INTERACTION_REQUIRED, details);
        }
        return Failures.reauthorizationRequired(Reason.INVALID_GRANT, details);
      default:
        return Failures.service(
            "the Microsoft identity platform refused the token request", details, false, null);
    }
  }

  /** What to fix, when the error is the app registration's or the configuration's. */
  private Optional<String> configurationProblem(String error, String subError, List<Long> codes) {
    if (codes.contains(7000215L)) {
      return Optional.of(
          "the client secret is wrong: copy the secret's Value (not its Secret ID) from the app"
              + " registration's 'Certificates & secrets' page into clientSecret(...)");
    }
    if (codes.contains(7000222L)) {
      return Optional.of(
          "the client secret has expired: create a new one under 'Certificates & secrets' in the"
              + " app registration and configure it with clientSecret(...)");
    }
    if (codes.contains(700027L)) {
      return Optional.of(
          "the client assertion's signature was not accepted: upload the certificate passed to"
              + " certificate(...) under 'Certificates & secrets' in the app registration, or pass"
              + " the certificate that is registered");
    }
    if (codes.contains(700024L)) {
      return Optional.of(
          "the client assertion is outside its valid time range: check this server's clock");
    }
    if (codes.contains(7000218L)) {
      return Optional.of(
          "the app registration requires a client credential (its redirect URI is registered for"
              + " the Web platform): configure clientSecret(...) or certificate(...)");
    }
    if (codes.contains(700025L)) {
      return Optional.of(
          "the app is registered as a public client, which must not send a credential: remove"
              + " clientSecret/certificate, or register the redirect URI under the Web platform");
    }
    if (codes.contains(700016L)) {
      return Optional.of(
          "no application with this client id exists in the directory: check clientId, tenant and"
              + " cloud, or have an administrator add the app to the tenant");
    }
    if (codes.contains(50194L)) {
      return Optional.of(
          "the app registration is single-tenant: set tenant(...) to your tenant id or domain, or"
              + " make the registration multi-tenant ('Accounts in any organizational directory')");
    }
    if (codes.contains(50011L)) {
      return Optional.of(
          "the redirect URI "
              + redirectUri
              + " is not registered for this app: add it exactly (scheme, host, path, trailing"
              + " slash, case) on the app registration's 'Authentication' page");
    }
    if (codes.contains(900144L)) {
      return Optional.of(
          "the token request lacks a required parameter (see the error description): check the"
              + " SDK configuration");
    }
    if (codes.contains(70011L) || error.equals("invalid_scope")) {
      return Optional.of(
          "a requested scope is not valid for this app: check scopes(...) (for example"
              + " OnlineMeetings.ReadWrite) and the API permissions of the app registration");
    }
    if (error.equals("invalid_grant") && subError.equals("client_mismatch")) {
      return Optional.of(
          "the refresh token was issued to another client id: the stored grant belongs to a"
              + " different app registration; check clientId");
    }
    switch (error) {
      case "invalid_client":
        return Optional.of(
            "the identity platform did not accept the app's credentials: check clientId and the"
                + " client secret or certificate in the app registration");
      case "unauthorized_client":
        return Optional.of(
            "the app is not allowed to use this flow: check the app registration (client id,"
                + " supported account types, platform and redirect URI)");
      case "unsupported_grant_type":
        return Optional.of(
            "the app registration does not allow this grant type: check its platform settings");
      default:
        return Optional.empty();
    }
  }
}
