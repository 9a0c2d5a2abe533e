package io.teamsmeet.feign;

import feign.Client;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import io.teamsmeet.AccessToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests of one service (Graph, or the identity platform), sent through the transport's Feign
 * {@link Client} and read by the service's {@link Decoder} and {@link ErrorDecoder}.
 *
 * <p>It does for this adapter what Feign's declarative proxies did, without their contract,
 * reflection and per-call request templates: the ports build each request's URL themselves (ids as
 * one path segment with {@link #segment}, {@code $filter} values with {@link #filter}, both RFC
 * 3986 percent-encoded by {@link #encode}), and this class adds the headers, the body and its
 * {@code Content-Length}, sends, and reads the answer as Feign's {@code SynchronousMethodHandler}
 * did with this adapter's configuration (no retries, no Feign logger, the response closed after
 * decoding):
 *
 * <ul>
 *   <li>an {@link IOException} of the client becomes a {@link RetryableException} with the request
 *       and the exception as cause, as Feign's {@code errorExecuting} made it;
 *   <li>a 2xx answer is decoded (nothing for {@code void}); a decoder's {@link RuntimeException}
 *       that is not a {@link FeignException} is wrapped in a {@link DecodeException}, as Feign did
 *       ({@link CallFailures} unwraps the SDK's own exceptions);
 *   <li>any other status goes to the error decoder, whose exception is thrown.
 * </ul>
 *
 * <p>Why: in issue 19's profiles Feign's reflective dispatch and request templates were the largest
 * part of the SDK's own CPU per call (about 6 µs of the 25 µs the SDK added to a raw OkHttp
 * client's 60 µs per meeting at one thread) and a quarter of its bytes allocated per meeting.
 * Headers are kept in a case-insensitive sorted map, as Feign's templates kept them, so that a
 * {@code feign.Client} of the user's own receives the same request as before.
 */
final class Calls {

  /** Headers of a request without a body of its own. */
  static final Map<String, Collection<String>> NONE = headers();

  /** {@code Content-Type: application/json}. */
  static final Map<String, Collection<String>> JSON = headers("Content-Type", "application/json");

  /** {@code Content-Type: application/x-www-form-urlencoded}. */
  static final Map<String, Collection<String>> FORM =
      headers("Content-Type", "application/x-www-form-urlencoded");

  private static final String CONTENT_LENGTH = "Content-Length";

  private final Client client;
  private final Request.Options options;
  private final String base;
  private final Decoder decoder;
  private final ErrorDecoder errors;
  private final boolean graph;

  /**
   * @param base what every path is appended to, e.g. {@code https://graph.microsoft.com/v1.0}
   * @param graph whether the requests go to Graph (whose standard headers include {@code Prefer})
   */
  Calls(
      Client client,
      Request.Options options,
      String base,
      Decoder decoder,
      ErrorDecoder errors,
      boolean graph) {
    this.client = client;
    this.options = options;
    this.base = base;
    this.decoder = decoder;
    this.errors = errors;
    this.graph = graph;
  }

  /**
   * Sends {@code method base+path} and returns its decoded answer.
   *
   * @param headers the request's own headers, one of this class's constants (never modified)
   * @param token the bearer token; null only for the identity platform's token endpoint
   * @param body a {@link GraphBodies.Body}, a {@link FormBody}, or null for none
   * @param type what to decode: {@code void.class} for nothing, {@link #listOf} for a collection
   */
  Object send(
      Request.HttpMethod method,
      String path,
      Map<String, Collection<String>> headers,
      AccessToken token,
      Object body,
      Type type) {
    byte[] bytes = body == null ? null : encode(body);
    Map<String, Collection<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    all.putAll(headers);
    if (bytes != null && bytes.length > 0) {
      all.put(CONTENT_LENGTH, List.of(Integer.toString(bytes.length)));
    }
    if (token != null) {
      String bearer = "Bearer " + token.value();
      if (!Exchange.authorize(bearer)) {
        // outside an exchange (tests only: every port call runs inside Http.call) the header
        // goes into the request itself
        all.put("Authorization", List.of(bearer));
      }
    }
    if (!Exchange.sendStandardHeaders(graph)) {
      Map<String, Collection<String>> own = Map.copyOf(all);
      all.keySet().removeIf(name -> StandardHeaders.isStandard(name, graph));
      StandardHeaders.add(
          own,
          graph,
          StandardHeaders.newClientRequestId(),
          (name, value) -> Exchange.append(all, name, value));
    }
    Request request = Request.create(method, base + path, all, bytes, StandardCharsets.UTF_8, null);
    Response response;
    try {
      response = client.execute(request, options);
    } catch (IOException e) {
      // what Feign's errorExecuting made of it, without the URL in the message
      throw new RetryableException(-1, "I/O failure on " + method, method, e, (Long) null, request);
    }
    if (response.request() != request) {
      // as Feign did: the response refers to the request as built here (a client of the user's
      // own got a copy with the exchange's headers, bearer token included; the SDK's own clients
      // set this very request, so they pay no copy)
      response = response.toBuilder().request(request).build();
    }
    int status = response.status();
    try {
      if (status < 200 || status >= 300) {
        Exception failure = errors.decode(method + " " + path, response);
        if (failure instanceof RuntimeException e) {
          throw e;
        }
        throw new DecodeException(status, "the error decoder failed", request, failure);
      }
      if (type == void.class) {
        return null;
      }
      return decode(response, type, request);
    } finally {
      Util.ensureClosed(response.body());
    }
  }

  /** The decoder's value; its failures wrapped as Feign wrapped them. */
  private Object decode(Response response, Type type, Request request) {
    try {
      return decoder.decode(response, type);
    } catch (FeignException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DecodeException(response.status(), e.getMessage(), request, e);
    } catch (IOException e) {
      throw new DecodeException(response.status(), "the response could not be read", request, e);
    }
  }

  /** RFC 3986 percent-encoding: unreserved characters stay, every other byte becomes %XX. */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  /**
   * Percent-encodes a meeting or event id as exactly one path segment: only RFC 3986 unreserved
   * characters stay, so {@code :}, {@code @}, {@code /}, {@code %}, {@code +}, {@code ?}, {@code #}
   * and {@code =} are all encoded. {@code .} and {@code ..} are refused: as segments they mean
   * "this" and "the parent" and clients resolve them ({@code GET /v1.0/me/onlineMeetings/..} would
   * become {@code GET /v1.0/me/}); every other id stays one segment under {@code
   * /me/onlineMeetings/}.
   */
  static String segment(String meetingId) {
    if (meetingId == null || meetingId.isBlank()) {
      throw new IllegalArgumentException("meetingId must not be null or blank");
    }
    if (meetingId.equals(".") || meetingId.equals("..")) {
      throw new IllegalArgumentException(
          "meetingId must not be \".\" or \"..\" (it would not stay one path segment)");
    }
    return encode(meetingId);
  }

  /**
   * The {@code $filter} value {@code property eq 'value'} as a query value, percent-encoded once:
   * the OData string literal doubles a {@code '} in the value, then every byte that is not an RFC
   * 3986 unreserved character becomes {@code %XX} (a space is {@code %20}, never {@code +}; a
   * {@code %} of the value is {@code %25}, so a join URL's {@code %3a} arrives at Graph as the
   * {@code %3a} it gave out). It goes into the URL as it is.
   */
  static String filter(String property, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(property + " must not be null or empty");
    }
    return encode(property + " eq '" + value.replace("'", "''") + "'");
  }

  /** {@code /me}, or {@code /users/{id or upn, encoded}} for a {@code forUser} view's user. */
  static String owner(io.teamsmeet.GraphUser user) {
    return user == null ? "/me" : "/users/" + encode(user.value());
  }

  /** {@code List<element>}, for a decoder that reads a collection. */
  static Type listOf(Class<?> element) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return new Type[] {element};
      }

      @Override
      public Type getRawType() {
        return List.class;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }

      @Override
      public String toString() {
        return "java.util.List<" + element.getName() + ">";
      }
    };
  }

  private static byte[] encode(Object body) {
    if (body instanceof FormBody form) {
      return form.encode().getBytes(StandardCharsets.UTF_8);
    }
    return Json.write((GraphBodies.Body) body);
  }

  private static Map<String, Collection<String>> headers(String... nameValues) {
    Map<String, Collection<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
