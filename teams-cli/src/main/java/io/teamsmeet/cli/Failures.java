package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.AdminConsentRequiredException;
import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.SafeText;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetingUnavailableException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.TokenStoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Turns every failure into one clear message on stderr and its exit code: a headline that says what
 * to do (with Graph's request-id when there is one), then the SDK's own message, which names HTTP
 * status, Microsoft's error code and the request ids support asks for. SDK messages never hold a
 * token, code, secret or body, so they are shown as they are; no line holds a raw control
 * character, line separator or bidirectional control ({@link SafeText}), in text or in JSON.
 */
final class Failures {

  private Failures() {}

  /** What the user is told, and the code the program exits with. */
  record Report(
      int exitCode,
      String kind,
      String headline,
      Optional<String> detail,
      ErrorDetails details,
      Optional<Long> retryAfterSeconds) {

    Report(
        int exitCode, String kind, String headline, Optional<String> detail, ErrorDetails details) {
      this(exitCode, kind, headline, detail, details, Optional.empty());
    }
  }

  static Report classify(Throwable failure) {
    if (failure instanceof CliException e) {
      return new Report(
          e.exitCode(), e.kind(), e.getMessage(), Optional.empty(), ErrorDetails.none());
    }
    if (failure instanceof TeamsException e) {
      return classify(e);
    }
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    return new Report(
        Exit.INTERNAL,
        "internal",
        "unexpected error: " + failure.getClass().getName() + message,
        Optional.empty(),
        ErrorDetails.none());
  }

  private static Report classify(TeamsException e) {
    ErrorDetails d = e.details();
    Optional<String> detail = Optional.ofNullable(e.getMessage());
    if (e instanceof ReauthorizationRequiredException r
        && r.reason() == ReauthorizationRequiredException.Reason.SCOPES_REQUIRED) {
      boolean calendar =
          r.missingScopes().stream().anyMatch(s -> s.equalsIgnoreCase("Calendars.ReadWrite"));
      return new Report(
          Exit.RECONNECT,
          "scopes_required",
          "consent needed for "
              + String.join(" ", new java.util.TreeSet<>(r.missingScopes()))
              + ": run teams connect"
              + (calendar ? " --events" : "")
              + " (your connection was made without this permission)"
              + ids(d),
          detail,
          d);
    }
    if (e instanceof ReauthorizationRequiredException r) {
      return new Report(
          Exit.RECONNECT, "reconnect", "reconnect: run teams connect" + ids(d), detail, d);
    }
    if (e instanceof PermissionDeniedException p
        && p.reason() == PermissionDeniedException.Reason.APPLICATION_ACCESS_POLICY_MISSING) {
      return new Report(
          Exit.PERMISSION,
          "access_policy_missing",
          "no Teams application access policy lets this app act for the user" + ids(d),
          detail,
          d);
    }
    if (e instanceof AdminConsentRequiredException a) {
      return new Report(
          Exit.CONFIGURATION,
          "admin_consent_required",
          "the app has no admin consent in tenant " + a.tenant() + ids(d),
          detail,
          d);
    }
    if (e instanceof PermissionDeniedException) {
      return new Report(
          Exit.PERMISSION,
          "permission_denied",
          "your account has no Teams licence or lacks permission" + ids(d),
          detail,
          d);
    }
    if (e instanceof ThrottledException t) {
      String when =
          t.retryAfter()
              .map(after -> "throttled, retry after " + Math.max(1, after.toSeconds()) + "s")
              .orElse("throttled or unavailable, retry later");
      return new Report(
          Exit.THROTTLED,
          "throttled",
          when + ids(d),
          detail,
          d,
          t.retryAfter().map(after -> Math.max(1, after.toSeconds())));
    }
    if (e instanceof MeetingNotFoundException) {
      return new Report(
          Exit.NOT_FOUND,
          "not_found",
          "meeting not found: no such meeting for this organizer" + ids(d),
          detail,
          d);
    }
    if (e instanceof ConfigurationException) {
      return new Report(
          Exit.CONFIGURATION,
          "configuration",
          "the Microsoft app is not configured correctly" + ids(d),
          detail,
          d);
    }
    if (e instanceof AuthorizationDeniedException a) {
      String what =
          a.isUserDeclined()
              ? "sign-in declined: the user did not consent"
              : a.isAdminConsentRequired()
                  ? "sign-in refused: an administrator must consent to this app first"
                  : "sign-in refused by Microsoft (" + a.error() + ")";
      return new Report(Exit.SIGN_IN, "sign_in", what + ids(d), detail, d);
    }
    if (e instanceof InvalidAuthorizationResponseException) {
      return new Report(Exit.SIGN_IN, "sign_in", "invalid sign-in callback", detail, d);
    }
    if (e instanceof TokenStoreException s) {
      String hint =
          s.errorCode().filter("90020"::equals).isPresent()
              ? " (the database is in use: is another teams command running?)"
              : "";
      return new Report(Exit.STORAGE, "storage", "local storage failure" + hint, detail, d);
    }
    if (e instanceof OutcomeUnknownException o && o.transactionId().isPresent()) {
      return new Report(
          Exit.SERVICE,
          "outcome_unknown",
          "the event may have been created: Microsoft's answer was lost; run the same command"
              + " again with --transaction-id "
              + o.transactionId().get()
              + " to create it at most once"
              + ids(d),
          detail,
          d);
    }
    if (e instanceof TeamsMeetingUnavailableException u) {
      return new Report(
          Exit.PERMISSION,
          "teams_unavailable",
          (u.eventId().isPresent()
                  ? "the event was created without a Teams meeting (cancel it: teams event cancel "
                      + u.eventId().get()
                      + ")"
                  : "your calendar does not allow Teams meetings")
              + ": an administrator must allow teamsForBusiness (Teams upgrade policy / Outlook"
              + " online-meeting providers)"
              + ids(d),
          detail,
          d);
    }
    if (e instanceof OutcomeUnknownException) {
      return new Report(
          Exit.SERVICE,
          "outcome_unknown",
          "the meeting may have been created: Microsoft's answer was lost; check Teams before"
              + " creating it again"
              + ids(d),
          detail,
          d);
    }
    if (e instanceof TeamsServiceException s && isNetworkOnThisSide(s)) {
      return new Report(
          Exit.NETWORK,
          "network",
          "cannot reach Microsoft from this machine: check the network, DNS, proxy or firewall",
          detail,
          d);
    }
    if (e instanceof TeamsServiceException s) {
      String status = s.status() == 0 ? "no answer" : "HTTP " + s.status();
      String id = d.requestId().map(r -> ", request-id " + r).orElse("");
      return new Report(
          Exit.SERVICE, "service", "Microsoft service failure (" + status + id + ")", detail, d);
    }
    return new Report(Exit.SERVICE, "service", "Microsoft service failure" + ids(d), detail, d);
  }

  /**
   * A connection that could not be opened (unknown host, refused, connect timeout, no route): the
   * request never left this machine, so the problem is on this side, not Microsoft's. The SDK
   * reports it as not sent with the I/O failure as its cause; a call whose deadline passed before
   * sending is also not sent, but has no such cause.
   */
  private static boolean isNetworkOnThisSide(TeamsServiceException e) {
    return e.status() == 0 && !e.requestMayHaveBeenSent() && e.getCause() instanceof IOException;
  }

  private static String ids(ErrorDetails d) {
    return d.requestId().map(id -> " (request-id " + id + ")").orElse("");
  }

  /** Prints the report on {@code err}, as text or as one JSON object; returns the exit code. */
  static int print(Report report, boolean json, PrintStream err) {
    if (json) {
      ObjectNode error = Json.object();
      error.put("exitCode", report.exitCode());
      error.put("kind", report.kind());
      error.put("message", report.headline());
      Json.put(error, "detail", report.detail());
      ErrorDetails d = report.details();
      if (d.status() == 0) {
        error.putNull("status");
      } else {
        error.put("status", d.status());
      }
      Json.put(error, "code", d.code());
      Json.put(error, "requestId", d.requestId());
      Json.put(error, "clientRequestId", d.clientRequestId());
      if (report.retryAfterSeconds().isPresent()) {
        error.put("retryAfterSeconds", report.retryAfterSeconds().get());
      } else {
        error.putNull("retryAfterSeconds");
      }
      ObjectNode root = Json.object();
      root.set("error", error);
      err.println(Json.write(root));
    } else {
      // SDK messages are escaped already; headlines can quote a setting, so escape again
      err.println("teams: " + SafeText.of(report.headline()));
      report.detail().ifPresent(detail -> err.println("  " + SafeText.of(detail)));
    }
    err.flush();
    return report.exitCode();
  }
}
