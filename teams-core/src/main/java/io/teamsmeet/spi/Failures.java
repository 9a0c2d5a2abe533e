package io.teamsmeet.spi;

import io.teamsmeet.ConfigurationException;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetingUnavailableException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * How an adapter reports a failure: the core's exceptions, built from Microsoft's answer. A port
 * throws only these (or a {@link io.teamsmeet.store.TokenStoreException} from a store), never its
 * HTTP library's exceptions, so that the core can decide what to retry and applications can rely on
 * the exception families. The factories live here, not on the exception classes, so that an
 * application's code completion never offers them.
 *
 * <pre>{@code
 * if (status == 429) {
 *   throw Failures.throttled(retryAfter, details);
 * }
 * if (status == 403) {
 *   throw Failures.permissionDenied(details);
 * }
 * throw Failures.service("Microsoft Graph answered HTTP " + status, details, status >= 500, null);
 * }</pre>
 *
 * <p>Messages must never hold a token, code, verifier, secret or body; text from Microsoft goes in
 * {@link ErrorDetails} (where it is escaped), not in the message. Thread-safe; stateless.
 */
public final class Failures {

  private Failures() {}

  /**
   * Microsoft answered with an error no more specific factory covers, or the exchange failed after
   * the request may have left (a reset, a timeout, an unreadable body).
   *
   * @param message what failed, without any secret or body
   * @param details the HTTP status (0 without a response), code and request ids
   * @param retryable whether the same request may be sent again and succeed
   * @param cause the underlying failure (never an exception whose message could hold a secret), or
   *     null
   * @return the exception to throw
   */
  public static TeamsServiceException service(
      String message, ErrorDetails details, boolean retryable, Throwable cause) {
    return (TeamsServiceException)
        make(
            TeamsServiceException.class,
            "of",
            new Class<?>[] {String.class, ErrorDetails.class, boolean.class, Throwable.class},
            message,
            details,
            retryable,
            cause);
  }

  /**
   * The request certainly never reached Microsoft: the connection could not be opened (unknown
   * host, refused, connect timeout, no route) or the deadline passed before sending. Retryable,
   * even for a call that must not act twice.
   *
   * @param message what failed, for example {@code "could not reach Microsoft Graph: unknown host"}
   * @param details the ids, if any
   * @param cause the underlying failure, or null
   * @return the exception to throw
   */
  public static TeamsServiceException notSent(
      String message, ErrorDetails details, Throwable cause) {
    return (TeamsServiceException)
        make(
            TeamsServiceException.class,
            "notSent",
            new Class<?>[] {String.class, ErrorDetails.class, Throwable.class},
            message,
            details,
            cause);
  }

  /**
   * HTTP 429, or 503/504: Microsoft did not do the work now.
   *
   * @param retryAfter how long Microsoft asked to wait ({@code Retry-After}), or null
   * @param details the status and request ids
   * @return the exception to throw
   */
  public static ThrottledException throttled(Duration retryAfter, ErrorDetails details) {
    return (ThrottledException)
        make(
            ThrottledException.class,
            "of",
            new Class<?>[] {Duration.class, ErrorDetails.class},
            retryAfter,
            details);
  }

  /**
   * Graph's HTTP 403: no Teams licence, a guest account, a missing permission or policy.
   *
   * @param details status 403, Graph's code and the request ids
   * @return the exception to throw
   */
  public static PermissionDeniedException permissionDenied(ErrorDetails details) {
    return (PermissionDeniedException)
        make(PermissionDeniedException.class, "of", new Class<?>[] {ErrorDetails.class}, details);
  }

  /**
   * A refusal that an administrator must lift, from somewhere other than Graph's 403 (a Conditional
   * Access block, a disabled account).
   *
   * @param message what was refused and why, without any secret
   * @param details Microsoft's error facts
   * @return the exception to throw
   */
  public static PermissionDeniedException permissionDenied(String message, ErrorDetails details) {
    return (PermissionDeniedException)
        make(
            PermissionDeniedException.class,
            "of",
            new Class<?>[] {String.class, ErrorDetails.class},
            message,
            details);
  }

  /**
   * Graph's HTTP 404 for a meeting.
   *
   * @param details status 404 and the request ids
   * @return the exception to throw
   */
  public static MeetingNotFoundException meetingNotFound(ErrorDetails details) {
    return (MeetingNotFoundException)
        make(MeetingNotFoundException.class, "of", new Class<?>[] {ErrorDetails.class}, details);
  }

  /**
   * Graph created or returned a calendar event without a Teams meeting (no {@code
   * onlineMeeting.joinUrl}, or a provider other than {@code teamsForBusiness}).
   *
   * @param eventId the event's id
   * @param provider Graph's {@code onlineMeetingProvider}, or null
   * @param details the response's status and ids
   * @return the exception to throw
   */
  public static TeamsMeetingUnavailableException teamsMeetingUnavailable(
      String eventId, String provider, ErrorDetails details) {
    return (TeamsMeetingUnavailableException)
        make(
            TeamsMeetingUnavailableException.class,
            "forEvent",
            new Class<?>[] {String.class, String.class, ErrorDetails.class},
            eventId,
            provider,
            details);
  }

  /**
   * The application's registration or configuration is wrong (an unknown client id, a wrong or
   * expired secret, an unregistered redirect URI...).
   *
   * @param whatToFix what the developer must change, without any secret
   * @param details Microsoft's error facts
   * @return the exception to throw
   */
  public static ConfigurationException configuration(String whatToFix, ErrorDetails details) {
    return (ConfigurationException)
        make(
            ConfigurationException.class,
            "of",
            new Class<?>[] {String.class, ErrorDetails.class},
            whatToFix,
            details);
  }

  /**
   * The identity platform says the user must sign in again ({@code invalid_grant}, {@code
   * interaction_required}, consent revoked). The core adds the user id.
   *
   * @param reason the classification; {@link ReauthorizationRequiredException.Reason#grantIsDead()}
   *     decides whether the stored grant is removed
   * @param details Microsoft's error facts
   * @return the exception to throw
   */
  public static ReauthorizationRequiredException reauthorizationRequired(
      ReauthorizationRequiredException.Reason reason, ErrorDetails details) {
    return (ReauthorizationRequiredException)
        make(
            ReauthorizationRequiredException.class,
            "fromIdentityPlatform",
            new Class<?>[] {ReauthorizationRequiredException.Reason.class, ErrorDetails.class},
            reason,
            details);
  }

  /**
   * The id token returned with a code does not belong to this application or tenant.
   *
   * @param what which claim disagreed, without its value
   * @return the exception to throw
   */
  public static InvalidAuthorizationResponseException idTokenMismatch(String what) {
    return (InvalidAuthorizationResponseException)
        make(
            InvalidAuthorizationResponseException.class,
            "idTokenMismatch",
            new Class<?>[] {String.class},
            what);
  }

  /**
   * Calls the exception's package-private factory (the same module, so no {@code opens} is needed).
   * Only failure paths come here: nothing of it is loaded before the first failure.
   */
  private static TeamsException make(
      Class<? extends TeamsException> type, String factory, Class<?>[] parameters, Object... args) {
    try {
      Method method = type.getDeclaredMethod(factory, parameters);
      method.setAccessible(true);
      return (TeamsException) method.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("teams-core does not match this spi.Failures", e);
    }
  }
}
