package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Request;
import feign.Response;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** HTTP helpers shared by both adapters: header lookup, body reading, Retry-After, failures. */
final class Http {

  /**
   * Reads a response body that must be a JSON object. A failed read is a retryable failure of
   * {@code service}; a body that is not JSON, or not an object, becomes {@code malformed}'s
   * exception.
   */
  static JsonNode readJsonObject(
      Response response,
      String service,
      BiFunction<Response, String, ? extends RuntimeException> malformed) {
    return readJsonObject(response, service, malformed, null);
  }

  /**
   * Like {@link #readJsonObject(Response, String, BiFunction)}, keeping only the top-level fields
   * named in {@code fields} (case-insensitively; {@link Json#parseFields}): the rest is checked as
   * JSON and skipped. The caller must read no other field of the object; {@code null} keeps all.
   */
  static JsonNode readJsonObject(
      Response response,
      String service,
      BiFunction<Response, String, ? extends RuntimeException> malformed,
      Json.Fields fields) {
    byte[] bytes;
    try {
      bytes = read(response, MAX_BODY + 1);
    } catch (IOException e) {
      throw readFailure(service, response, e);
    }
    if (bytes != null && bytes.length > MAX_BODY) {
      throw malformed.apply(response, "is larger than " + MAX_BODY / (1024 * 1024) + " MiB");
    }
    JsonNode json;
    try {
      json = fields == null ? Json.parse(bytes) : Json.parseFields(bytes, fields);
    } catch (IOException e) {
      throw malformed.apply(response, "is not valid JSON");
    }
    if (!json.isObject()) {
      throw malformed.apply(response, "is not a JSON object");
    }
    return json;
  }

  /** Error bodies are read up to this many bytes; the rest is ignored. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  /** Success bodies are read up to this many bytes; a longer one is refused as malformed. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  /** The longest Retry-After honoured as given; anything longer is capped (no overflow). */
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private Http() {}

  /**
   * The response headers the adapter reads: {@link #details} ({@code request-id}, {@code
   * x-ms-request-id}, {@code client-request-id}, {@code Date}), {@link #retryAfter}, Graph's {@code
   * WWW-Authenticate} challenge ({@link GraphErrorDecoder}) and the request id {@link
   * LoggingClient} logs. The SDK's own Feign clients ({@link JdkClient}, {@link OkHttpFeignClient})
   * hand Feign only these: Graph answers with a dozen more ({@code Strict-Transport-Security},
   * {@code x-ms-ags-diagnostic}, {@code Cache-Control}...), and copying them into Feign's
   * case-insensitive maps took about 3 % of the client's CPU per meeting (issue 19's profile). A
   * header read anywhere in the adapter must be listed here.
   */
  static final List<String> RESPONSE_HEADERS =
      List.of(
          "request-id",
          "x-ms-request-id",
          StandardHeaders.CLIENT_REQUEST_ID,
          "Date",
          "Retry-After",
          "WWW-Authenticate");

  /**
   * Whether a response header is one the adapter reads ({@link #RESPONSE_HEADERS}), ignoring case;
   * most names differ in length, which {@code equalsIgnoreCase} compares first.
   */
  static boolean isRead(String responseHeader) {
    for (String name : RESPONSE_HEADERS) {
      if (name.equalsIgnoreCase(responseHeader)) {
        return true;
      }
    }
    return false;
  }

  /** The first value of a header, looked up case-insensitively; blank values count as absent. */
  static Optional<String> header(Map<String, Collection<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
        for (String value : e.getValue()) {
          if (value != null && !value.isBlank()) {
            return Optional.of(value.strip());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code client-request-id} this adapter sent with a request, if it is known: inside {@link
   * #call}, the one of this thread's {@link Exchange} (the client layer adds it as it sends, so it
   * is not in Feign's {@code request}); outside, the request's own header.
   */
  static Optional<String> sentClientRequestId(Request request) {
    String sent = Exchange.currentClientRequestId();
    if (sent != null) {
      return Optional.of(sent);
    }
    return request == null
        ? Optional.empty()
        : header(request.headers(), StandardHeaders.CLIENT_REQUEST_ID);
  }

  /**
   * The facts every failure with a response keeps: status, {@code request-id} (Graph) or {@code
   * x-ms-request-id} (identity platform), {@code client-request-id} (echoed, else the one sent) and
   * {@code Date}.
   */
  static ErrorDetails.Builder details(Response response) {
    Map<String, Collection<String>> headers = response.headers();
    return ErrorDetails.builder()
        .status(validStatus(response.status()))
        .requestId(
            header(headers, "request-id").or(() -> header(headers, "x-ms-request-id")).orElse(null))
        .clientRequestId(
            header(headers, StandardHeaders.CLIENT_REQUEST_ID)
                .or(() -> sentClientRequestId(response.request()))
                .orElse(null))
        .date(header(headers, "Date").orElse(null));
  }

  static int validStatus(int status) {
    return status < 0 || status > 999 ? 0 : status;
  }

  private static final Set<String> SECRET_FIELDS =
      Set.of("code", "code_verifier", "refresh_token", "client_secret", "client_assertion");

  /**
   * Removes from Microsoft's error text every secret the request carried (the bearer token, and the
   * code, verifier, refresh token, client secret or client assertion of a token request), should a
   * service ever echo one. Defence in depth: Microsoft is not known to do so.
   */
  static String scrub(String text, Request request) {
    if (text == null || request == null) {
      return text;
    }
    String out = text;
    for (String secret : secretsOf(request)) {
      if (secret.length() >= 6) {
        out = out.replace(secret, "[redacted]");
      }
    }
    return out;
  }

  private static List<String> secretsOf(Request request) {
    List<String> secrets = new ArrayList<>();
    // the bearer token: in the request, or added by the client layer from the exchange
    header(request.headers(), "Authorization")
        .or(() -> Optional.ofNullable(Exchange.authorization()))
        .ifPresent(
            v -> {
              secrets.add(v);
              int space = v.indexOf(' ');
              if (space > 0) {
                secrets.add(v.substring(space + 1).strip());
              }
            });
    byte[] body = request.body();
    if (body != null
        && header(request.headers(), "Content-Type")
            .filter(c -> c.startsWith("application/x-www-form-urlencoded"))
            .isPresent()) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && SECRET_FIELDS.contains(pair.substring(0, eq))) {
          String raw = pair.substring(eq + 1);
          secrets.add(raw);
          try {
            secrets.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            // the raw form is enough
          }
        }
      }
    }
    return secrets;
  }

  /**
   * Reads at most {@code limit} bytes of a body; {@code null} when there is none.
   *
   * @throws IOException if the connection fails while reading
   */
  static byte[] read(Response response, int limit) throws IOException {
    Response.Body body = response.body();
    if (body == null) {
      return null;
    }
    try (InputStream in = body.asInputStream()) {
      Integer length = body.length();
      if (length == null || length <= 0 || length >= limit) {
        return in.readNBytes(limit);
      }
      // the length is known (Content-Length, or java.net.http's collected body): one array of
      // exactly that size rather than readNBytes' 8 KB chunks and a final copy
      byte[] bytes = new byte[length];
      int n = in.readNBytes(bytes, 0, length);
      if (n < length) {
        return Arrays.copyOf(bytes, n);
      }
      int next = in.read();
      if (next < 0) {
        return bytes;
      }
      // more than announced: read on, up to the limit, as without a length
      byte[] rest = in.readNBytes(limit - length - 1);
      byte[] all = Arrays.copyOf(bytes, length + 1 + rest.length);
      all[length] = (byte) next;
      System.arraycopy(rest, 0, all, length + 1, rest.length);
      return all;
    }
  }

  /** Reads an error body, or {@code null} when there is none or it cannot be read. */
  static byte[] readErrorBody(Response response) {
    try {
      return read(response, MAX_ERROR_BODY);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Parses {@code Retry-After}: delay-seconds as an integer or a decimal ({@code 2.128}), or an
   * HTTP-date. Returns {@code null} when absent or unreadable; never negative.
   */
  static Duration retryAfter(Response response, Clock clock) {
    Optional<String> value = header(response.headers(), "Retry-After");
    return value.map(v -> parseRetryAfter(v, clock)).orElse(null);
  }

  static Duration parseRetryAfter(String value, Clock clock) {
    String v = value.strip();
    if (v.isEmpty()) {
      return null;
    }
    // ASCII digits, an optional fraction, bounded: "1e-99999999" costs BigDecimal minutes of CPU
    if (v.matches("\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30}")) {
      try {
        BigDecimal seconds = new BigDecimal(v);
        if (seconds.signum() < 0) {
          return null;
        }
        if (seconds.compareTo(BigDecimal.valueOf(MAX_RETRY_AFTER.toSeconds())) > 0) {
          return MAX_RETRY_AFTER;
        }
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
        return Duration.ofMillis(millis);
      } catch (NumberFormatException | ArithmeticException e) {
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      if (wait.isNegative()) {
        return Duration.ZERO;
      }
      return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Runs one Feign call, the decoding of its response included, as this thread's {@link Exchange}
   * bounded by {@code deadline}, and makes sure that only core exceptions leave it: a {@link
   * TeamsException} from a decoder passes through, a transport failure or timeout becomes a
   * retryable {@link TeamsServiceException} with status 0, anything else a {@link
   * TeamsServiceException} (see {@link CallFailures}). No Feign or Jackson exception is ever
   * attached as a cause (their messages can hold URLs and bodies).
   *
   * @param service what was called, for the message ("Microsoft Graph", "the token endpoint")
   */
  static <T> T call(String service, Deadline deadline, Supplier<T> call) {
    Exchange exchange = Exchange.enter(deadline);
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw CallFailures.of(service, exchange, e);
    } finally {
      exchange.exit();
    }
  }

  /** The failure of reading a success body: retryable, with the response's ids. */
  static TeamsServiceException readFailure(String service, Response response, IOException e) {
    return Failures.service(
        "the response of "
            + service
            + " could not be read ("
            + CallFailures.describe(e, null)
            + ")",
        details(response).build(),
        true,
        e);
  }
}
