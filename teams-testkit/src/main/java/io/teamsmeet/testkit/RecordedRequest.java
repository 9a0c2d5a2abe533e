package io.teamsmeet.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request {@link FakeMicrosoft} received, with the answer it gave, from its {@link Journal}.
 *
 * <pre>{@code
 * RecordedRequest refresh = fake.journal().tokenRequests("refresh_token").get(0);
 * assertThat(refresh.formParam("scope")).contains("OnlineMeetings.ReadWrite offline_access");
 * RecordedRequest create = fake.journal().graphCalls("POST").get(0);
 * assertThat(create.header("client-request-id")).isPresent();
 * }</pre>
 *
 * <p>Immutable and thread-safe. It holds what the client sent, tokens and secrets included, so
 * {@link #toString()} shows only the method, path, grant type and status.
 */
public final class RecordedRequest {

  /** Which part of the fake a request was for. Immutable and thread-safe. */
  public enum Endpoint {
    /** {@code /{tenant}/oauth2/v2.0/authorize} and the consent page's form post. */
    AUTHORIZE,
    /** {@code /{tenant}/oauth2/v2.0/token}. */
    TOKEN,
    /** Graph, {@code /v1.0/…}. */
    GRAPH,
    /** Anything else (metadata, unknown paths). */
    OTHER
  }

  private final Endpoint endpoint;
  private final String method;
  private final String path;
  private final List<String> pathSegments;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Map<String, List<String>> form;
  private final int status;
  private final String fault;
  private final Instant receivedAt;

  RecordedRequest(Endpoint endpoint, Wire.Call call, int status, String fault, Instant receivedAt) {
    this.endpoint = endpoint;
    this.method = call.method;
    this.path = call.rawPath;
    this.pathSegments = call.segments;
    this.query = copy(call.query);
    this.headers = copy(call.headers);
    this.body = call.bodyString();
    this.form = copy(call.form());
    this.status = status;
    this.fault = fault;
    this.receivedAt = receivedAt;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> source) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(k, List.copyOf(new ArrayList<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** The part of the fake the request was for. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /**
   * The path exactly as sent, still percent-encoded, without the query; for example {@code
   * /graph.microsoft.com/v1.0/me/onlineMeetings/abc%3A1%40thread.v2}.
   */
  public String path() {
    return path;
  }

  /** The path's segments, percent-decoded ({@code +} stays {@code +}). */
  public List<String> pathSegments() {
    return pathSegments;
  }

  /** The first value of a query parameter, decoded. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every query parameter, decoded, in order. */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  /** The first value of a header; the name is case-insensitive. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every header, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The body as UTF-8 text (empty if none). */
  public String body() {
    return body;
  }

  /** The form parameters of an {@code application/x-www-form-urlencoded} body, decoded. */
  public Map<String, List<String>> form() {
    return form;
  }

  /** The first value of a form parameter. */
  public Optional<String> formParam(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The {@code grant_type} of a token request. */
  public Optional<String> grantType() {
    return formParam("grant_type");
  }

  /** The status the fake answered with, or {@code -1} when it reset the connection. */
  public int status() {
    return status;
  }

  /**
   * The fault injected into this request, if any: {@code throttle}, {@code fail}, {@code slow},
   * {@code reset}, {@code malformed} or {@code truncate}.
   */
  public Optional<String> fault() {
    return Optional.ofNullable(fault);
  }

  /** When it arrived, on the fake's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + grantType().map(g -> " (grant_type=" + g + ")").orElse("")
        + " -> "
        + (status < 0 ? "reset" : Integer.toString(status))
        + (fault == null ? "" : " [" + fault + "]");
  }
}
