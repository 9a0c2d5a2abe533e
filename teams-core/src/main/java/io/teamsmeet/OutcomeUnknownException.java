package io.teamsmeet;

/**
 * A call that must not act twice failed in a way that leaves its outcome unknown: the request may
 * have been processed, but no usable answer came back (a connection reset or a timeout after the
 * request left, a 500, 502, 504 or a 503 without {@code Retry-After}, a success whose body was cut
 * off). Today this is a plain meeting creation ({@code POST /me/onlineMeetings} without an external
 * id): Microsoft may have created the meeting.
 *
 * <p>The SDK did not send the request again, and {@link #isRetryable()} is {@code false}: calling
 * again could create a second meeting. What to do instead:
 *
 * <ul>
 *   <li>Create with an external id ({@code MeetingRequest.builder()...externalId(...)}): Graph's
 *       create-or-get is idempotent, so such a create is retried by the SDK and may be retried by
 *       you; it returns the meeting if the first attempt created it.
 *   <li>Otherwise treat the meeting as possibly created: tell the user, or let them decide whether
 *       to create it again (a duplicate is then a known, accepted risk). Graph cannot list a user's
 *       online meetings by subject, so the lost one cannot be looked up without its join URL.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   meeting = teams.meetings().create(userId, request);
 * } catch (OutcomeUnknownException e) {
 *   log.warn("meeting may exist; not retrying: {}", e.getMessage());   // no secret in it
 *   showMaybeCreated(e.details().clientRequestId());
 * } catch (TeamsServiceException e) {
 *   if (e.isRetryable()) scheduleRetry();
 * }
 * }</pre>
 *
 * <p>{@link #details()} keeps the failed attempt's status and request ids for a support case.
 * Immutable and thread-safe.
 */
public final class OutcomeUnknownException extends TeamsServiceException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String transactionId;

  private OutcomeUnknownException(String operation, TeamsException failure, String transactionId) {
    super(
        operation
            + " may have taken effect: "
            + messageOf(failure)
            + (transactionId == null
                ? ". It was not sent again, and retrying it could act twice (use an external id for"
                    + " creates that can be retried safely)"
                : ". Create it again with the same transactionId (transactionId()): Graph then"
                    + " returns the event if it was created"),
        failure.details(),
        false,
        true,
        failure);
    this.operation = operation;
    this.transactionId = transactionId;
  }

  static OutcomeUnknownException of(
      String operation, TeamsException failure, String transactionId) {
    return new OutcomeUnknownException(operation, failure, transactionId);
  }

  /**
   * For a calendar event's creation: the {@code transactionId} it was sent with. Create the event
   * again with {@code EventRequest.builder(...).transactionId(id)}: Graph recognizes the id and
   * returns the event if the lost attempt created it, instead of a second one.
   */
  public java.util.Optional<String> transactionId() {
    return java.util.Optional.ofNullable(transactionId);
  }

  /**
   * Wraps the failure of a call whose outcome is unknown.
   *
   * @param operation what was attempted, for example {@code "the meeting creation"}
   * @param failure the failure of its last attempt
   * @return the exception, with the failure's details and the failure as cause
   */
  static OutcomeUnknownException of(String operation, TeamsException failure) {
    return new OutcomeUnknownException(operation, failure, null);
  }

  /** What was attempted, for example {@code "the meeting creation"}. */
  public String operation() {
    return operation;
  }

  private static String messageOf(TeamsException failure) {
    String message = failure.getMessage();
    // the cause's message ends with its details' summary; ours gets the same summary appended
    String summary = failure.details().summary();
    if (!summary.isEmpty() && message.endsWith(" [" + summary + "]")) {
      message = message.substring(0, message.length() - summary.length() - 3);
    }
    return message;
  }
}
