package io.teamsmeet;

import java.util.List;
import java.util.Optional;

/**
 * The structured facts of a failure reported by Microsoft: what support asks for and what code
 * branches on.
 *
 * <p>For Graph errors: the HTTP status, Graph's error {@code code}, and the {@code request-id},
 * {@code client-request-id} and {@code date} to quote in a support case. For identity platform
 * errors: the OAuth {@code error}, its {@code error_description}, the AADSTS numbers from {@code
 * error_codes}, {@code suberror}, and the trace and correlation ids. Never holds a token, code,
 * secret or request body. Immutable and thread-safe.
 *
 * <p>Every text field is made safe to print ({@link SafeText}): a control character, a line or
 * paragraph separator or a bidirectional control that Microsoft (or anyone answering in its place)
 * put into a code, an id or a description is escaped as {@code \}{@code uXXXX}, so it can neither
 * forge a log line nor take over a terminal. In the description, runs of CR, LF and tab (Microsoft
 * puts {@code \r\n} between "AADSTS...", "Trace ID" and "Correlation ID") become one space first.
 * The description is cut at 600 characters and every other field at 256, each before escaping.
 *
 * @param status the HTTP status, or 0 when there was no HTTP response
 * @param code Graph's error code or the OAuth {@code error} value
 * @param description Microsoft's human-readable text; informational, do not branch on it
 * @param errorCodes AADSTS numbers, most specific first (identity platform only)
 * @param subError the OAuth {@code suberror} (identity platform only)
 * @param requestId Graph's {@code request-id} or the identity platform's {@code trace_id}
 * @param clientRequestId the {@code client-request-id} sent, or {@code correlation_id}
 * @param date the {@code date} Microsoft gave, as it gave it
 */
public record ErrorDetails(
    int status,
    Optional<String> code,
    Optional<String> description,
    List<Long> errorCodes,
    Optional<String> subError,
    Optional<String> requestId,
    Optional<String> clientRequestId,
    Optional<String> date) {

  private static final int MAX_DESCRIPTION = 600;
  private static final int MAX_FIELD = 256;

  /**
   * Replaces nulls, copies the list, shortens overly long text and escapes unsafe characters in
   * every text field.
   */
  public ErrorDetails {
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status must be 0 or an HTTP status, was " + status);
    }
    code = safe(code, MAX_FIELD);
    description =
        orEmpty(description)
            .map(d -> d.replaceAll("[\\r\\n\\t]+", " ").strip())
            .flatMap(d -> safe(Optional.of(d), MAX_DESCRIPTION));
    errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    subError = safe(subError, MAX_FIELD);
    requestId = safe(requestId, MAX_FIELD);
    clientRequestId = safe(clientRequestId, MAX_FIELD);
    date = safe(date, MAX_FIELD);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** Cut to {@code max} characters (then "..."), escaped; blank text counts as none. */
  private static Optional<String> safe(Optional<String> value, int max) {
    return orEmpty(value)
        .filter(v -> !v.isBlank())
        .map(v -> v.length() <= max ? v : v.substring(0, max) + "...")
        .map(SafeText::of);
  }

  /** No details: the failure did not come from Microsoft. */
  public static ErrorDetails none() {
    return builder().build();
  }

  /** Starts a builder with every field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first AADSTS number, if any. */
  public Optional<Long> aadsts() {
    return errorCodes.isEmpty() ? Optional.empty() : Optional.of(errorCodes.get(0));
  }

  /** A one-line summary for exception messages: status, code, AADSTS, ids. */
  String summary() {
    StringBuilder sb = new StringBuilder();
    if (status != 0) {
      sb.append("HTTP ").append(status);
    }
    code.ifPresent(c -> append(sb, "code=" + c));
    aadsts().ifPresent(n -> append(sb, "AADSTS" + n));
    subError.ifPresent(s -> append(sb, "suberror=" + s));
    requestId.ifPresent(r -> append(sb, "request-id=" + r));
    clientRequestId.ifPresent(r -> append(sb, "client-request-id=" + r));
    date.ifPresent(d -> append(sb, "date=" + d));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String part) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(part);
  }

  /** Builds {@link ErrorDetails}. Not thread-safe. */
  public static final class Builder {
    private int status;
    private String code;
    private String description;
    private List<Long> errorCodes = List.of();
    private String subError;
    private String requestId;
    private String clientRequestId;
    private String date;

    private Builder() {}

    /** Sets the HTTP status. */
    public Builder status(int value) {
      this.status = value;
      return this;
    }

    /** Sets Graph's error code or the OAuth error (null for none). */
    public Builder code(String value) {
      this.code = blankToNull(value);
      return this;
    }

    /** Sets the description (null for none). */
    public Builder description(String value) {
      this.description = blankToNull(value);
      return this;
    }

    /** Sets the AADSTS numbers. */
    public Builder errorCodes(List<Long> value) {
      this.errorCodes = value == null ? List.of() : value;
      return this;
    }

    /** Sets the OAuth suberror (null for none). */
    public Builder subError(String value) {
      this.subError = blankToNull(value);
      return this;
    }

    /** Sets the request id or trace id (null for none). */
    public Builder requestId(String value) {
      this.requestId = blankToNull(value);
      return this;
    }

    /** Sets the client request id or correlation id (null for none). */
    public Builder clientRequestId(String value) {
      this.clientRequestId = blankToNull(value);
      return this;
    }

    /** Sets the date as Microsoft gave it (null for none). */
    public Builder date(String value) {
      this.date = blankToNull(value);
      return this;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }

    /** Builds the details. */
    public ErrorDetails build() {
      return new ErrorDetails(
          status,
          Optional.ofNullable(code),
          Optional.ofNullable(description),
          errorCodes,
          Optional.ofNullable(subError),
          Optional.ofNullable(requestId),
          Optional.ofNullable(clientRequestId),
          Optional.ofNullable(date));
    }
  }
}
