package io.teamsmeet.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/** HTTP plumbing shared by the fake's endpoints: the request and reply shapes and encodings. */
final class Wire {

  static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private Wire() {}

  /** An HTTP-date (IMF-fixdate), as in {@code Date} and {@code Retry-After}. */
  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  /** Random bytes as unpadded base64url. */
  static String randomToken(int bytes) {
    byte[] data = new byte[bytes];
    RANDOM.nextBytes(data);
    return BASE64URL.encodeToString(data);
  }

  static String base64url(byte[] data) {
    return BASE64URL.encodeToString(data);
  }

  static String randomDigits(int count) {
    StringBuilder digits = new StringBuilder(count);
    digits.append((char) ('1' + RANDOM.nextInt(9)));
    while (digits.length() < count) {
      digits.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return digits.toString();
  }

  static String guid() {
    return UUID.randomUUID().toString();
  }

  /** Form-encodes (spaces as {@code +}), as Microsoft does in redirect query strings. */
  static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String formEncode(Map<String, String> parameters) {
    StringJoiner joined = new StringJoiner("&");
    parameters.forEach((key, value) -> joined.add(formEncode(key) + "=" + formEncode(value)));
    return joined.toString();
  }

  /**
   * Parses {@code a=1&b=2} (query string or form body); bad encodings throw
   * IllegalArgumentException.
   */
  static Map<String, List<String>> parseForm(String encoded) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return result;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  /** Percent-decodes one path segment; unlike form decoding, {@code +} stays {@code +}. */
  static String decodePathSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("incomplete percent escape in path segment");
        }
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One request as the fake's endpoints see it. */
  static final class Call {
    final String method;
    final String rawPath;
    final String rawQuery;
    final List<String> segments;
    final Map<String, List<String>> query;
    final Map<String, List<String>> headers;
    final byte[] body;
    final String scheme;
    private Map<String, List<String>> form;

    private Call(
        String method,
        String rawPath,
        String rawQuery,
        List<String> segments,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String scheme) {
      this.method = method;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.segments = segments;
      this.query = query;
      this.headers = headers;
      this.body = body;
      this.scheme = scheme;
    }

    static Call from(Request request) {
      String url = request.getUrl();
      int q = url.indexOf('?');
      String rawPath = q < 0 ? url : url.substring(0, q);
      String rawQuery = q < 0 ? "" : url.substring(q + 1);
      List<String> segments = new ArrayList<>();
      for (String segment : rawPath.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(decodePathSegment(segment));
        }
      }
      Map<String, List<String>> query;
      try {
        query = parseForm(rawQuery);
      } catch (IllegalArgumentException e) {
        query = Map.of();
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      HttpHeaders all = request.getHeaders();
      if (all != null) {
        for (HttpHeader header : all.all()) {
          headers
              .computeIfAbsent(header.key().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .addAll(header.values());
        }
      }
      byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
      return new Call(
          request.getMethod().getName(),
          rawPath,
          rawQuery,
          List.copyOf(segments),
          query,
          headers,
          body,
          request.getScheme());
    }

    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    Optional<String> queryParam(String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String bodyString() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean hasContentType(String type) {
      return header("Content-Type")
          .map(v -> v.toLowerCase(Locale.ROOT).startsWith(type))
          .orElse(false);
    }

    /** The form body, or empty if the body is not {@code application/x-www-form-urlencoded}. */
    Map<String, List<String>> form() {
      if (form == null) {
        Map<String, List<String>> parsed = Map.of();
        if (hasContentType("application/x-www-form-urlencoded")) {
          try {
            parsed = parseForm(bodyString());
          } catch (IllegalArgumentException e) {
            parsed = Map.of();
          }
        }
        form = Collections.unmodifiableMap(parsed);
      }
      return form;
    }

    Optional<String> formParam(String name) {
      List<String> values = form().get(name);
      return values == null || values.isEmpty() || values.get(0).isEmpty()
          ? Optional.empty()
          : Optional.of(values.get(0));
    }
  }

  /** What the fake answers; becomes a WireMock response definition. */
  static final class Reply {
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
    Fault fault;
    int delayMillis;
    String faultLabel;

    Reply(int status) {
      this.status = status;
    }

    static Reply of(int status, String contentType, String body) {
      Reply reply = new Reply(status);
      if (contentType != null) {
        reply.headers.put("Content-Type", contentType);
      }
      reply.body = body.getBytes(StandardCharsets.UTF_8);
      return reply;
    }

    static Reply fault(Fault fault, String label) {
      Reply reply = new Reply(-1);
      reply.fault = fault;
      reply.faultLabel = label;
      return reply;
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    ResponseDefinition toDefinition() {
      ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
      if (fault != null) {
        return builder.withFault(fault).build();
      }
      builder.withStatus(status);
      headers.forEach(builder::withHeader);
      if (body.length > 0) {
        builder.withBody(body);
      }
      if (delayMillis > 0) {
        builder.withFixedDelay(delayMillis);
      }
      return builder.build();
    }
  }
}
