package io.teamsmeet.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * The SDK's Feign client on OkHttp, in place of {@code feign-okhttp}'s: it builds OkHttp's request
 * straight from Feign's, with the exchange's standard headers and {@code Authorization} added as
 * {@link JdkClient} adds them (no copy of Feign's request, {@link LoggingClient}), the body
 * one-shot from the start (OkHttp then never sends it twice; {@link OkHttpTransport}), and builds
 * Feign's response with its headers collected once. What reaches the wire is what {@code
 * feign-okhttp} sent: Feign's headers, {@code Accept: *}{@code /*} when the request has no {@code
 * Accept}, for {@code POST}, {@code PUT} and {@code PATCH} the {@code Content-Type} carried by the
 * body (an empty body when Feign has none, as OkHttp requires one), no body for the other methods
 * unless Feign gives one.
 *
 * <p>It sends through the client it is given, as it is, when Feign's options match it (the SDK's
 * always do, {@link OkHttpTransport#wire}); options that differ get a client derived from it with
 * their timeouts and redirect policy, per request, as {@code feign-okhttp} does. Thread-safe.
 */
final class OkHttpFeignClient implements Client {

  private static final String JSON = "application/json";

  /** The Content-Type of the SDK's JSON bodies, parsed once. */
  private static final MediaType JSON_TYPE = MediaType.get(JSON);

  private static final byte[] EMPTY = new byte[0];

  private final OkHttpClient okHttp;

  OkHttpFeignClient(OkHttpClient okHttp) {
    this.okHttp = okHttp;
  }

  /** The client requests are sent with. */
  OkHttpClient okHttpClient() {
    return okHttp;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    return execute(request, options, Exchange.current());
  }

  /**
   * Sends {@code request} with what {@code exchange} adds to it; with a null exchange, Feign's
   * request exactly as it is (as feign-okhttp sent it).
   */
  Response execute(Request request, Request.Options options, Exchange exchange) throws IOException {
    okhttp3.Response response =
        clientFor(options).newCall(toOkHttpRequest(request, exchange)).execute();
    try {
      return toFeignResponse(response, request);
    } catch (IOException | RuntimeException | Error e) {
      response.close();
      throw e;
    }
  }

  private OkHttpClient clientFor(Request.Options options) {
    if (okHttp.connectTimeoutMillis() == options.connectTimeoutMillis()
        && okHttp.readTimeoutMillis() == options.readTimeoutMillis()
        && okHttp.followRedirects() == options.isFollowRedirects()) {
      return okHttp;
    }
    return okHttp
        .newBuilder()
        .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(options.isFollowRedirects())
        .build();
  }

  static okhttp3.Request toOkHttpRequest(Request request, Exchange exchange) {
    okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url());
    boolean withBody = request.httpMethod().isWithBody();
    MediaType[] type = {null};
    boolean[] accept = {false};
    // the exchange's standard headers and bearer token, kept out of Feign's request
    // (StandardHeaders, Exchange#authorize), exactly as JdkClient adds them
    Exchange.headers(
        exchange,
        request,
        (name, value) -> {
          accept[0] |= name.equalsIgnoreCase(StandardHeaders.ACCEPT);
          if (name.equalsIgnoreCase("Content-Type")) {
            type[0] = mediaType(value);
            if (withBody) {
              return; // the body carries it
            }
          }
          builder.addHeader(name, value);
        });
    if (!accept[0]) {
      builder.addHeader(StandardHeaders.ACCEPT, "*/*"); // as feign-okhttp did
    }
    byte[] body = request.body();
    if (body == null && withBody) {
      body = EMPTY; // OkHttp requires a body for POST, PUT and PATCH
    }
    builder.method(
        request.httpMethod().name(), body == null ? null : new OneShotBody(type[0], body));
    return builder.build();
  }

  private static MediaType mediaType(String value) {
    return JSON.equals(value) ? JSON_TYPE : MediaType.parse(value);
  }

  private static Response toFeignResponse(okhttp3.Response response, Request request)
      throws IOException {
    return Response.builder()
        .status(response.code())
        .reason(response.message())
        .request(request)
        .protocolVersion(protocol(response.protocol()))
        .headers(headers(response.headers()))
        .body(body(response.body()))
        .build();
  }

  private static Request.ProtocolVersion protocol(Protocol protocol) {
    switch (protocol) {
      case HTTP_1_0:
        return Request.ProtocolVersion.HTTP_1_0;
      case HTTP_2:
      case H2_PRIOR_KNOWLEDGE:
        return Request.ProtocolVersion.HTTP_2;
      default:
        return Request.ProtocolVersion.HTTP_1_1;
    }
  }

  /**
   * The response's headers the adapter reads ({@link Http#RESPONSE_HEADERS}; the others are
   * dropped) as Feign wants them, in one pass: values of a name (in any case) in the order they
   * came. {@link Response.Builder#build()} makes its own case-insensitive copy of it.
   */
  static Map<String, Collection<String>> headers(Headers headers) {
    Map<String, Collection<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      if (!Http.isRead(name)) {
        continue; // only the headers the adapter reads (Http.RESPONSE_HEADERS)
      }
      String value = headers.value(i);
      Collection<String> before = map.putIfAbsent(name, List.of(value));
      if (before != null) {
        List<String> all =
            before instanceof ArrayList<String> list ? list : new ArrayList<>(before);
        all.add(value);
        map.put(name, all);
      }
    }
    return map;
  }

  /** The body over OkHttp's stream (null when empty), as feign-okhttp gives it. */
  private static Response.Body body(ResponseBody body) {
    if (body == null) {
      return null;
    }
    long length = body.contentLength();
    if (length == 0) {
      body.close();
      return null;
    }
    Integer known = length > 0 && length <= Integer.MAX_VALUE ? (int) length : null;
    return new Response.Body() {
      @Override
      public Integer length() {
        return known;
      }

      @Override
      public boolean isRepeatable() {
        return false;
      }

      @Override
      public InputStream asInputStream() {
        return body.byteStream();
      }

      @Override
      public Reader asReader() {
        return body.charStream();
      }

      @Override
      public Reader asReader(Charset charset) {
        return body.charStream(); // the response's own charset, as feign-okhttp reads it
      }

      @Override
      public void close() {
        body.close();
      }
    };
  }

  /** Feign's body bytes, one-shot: OkHttp never sends a request again once it may have sent it. */
  private static final class OneShotBody extends RequestBody {

    private final MediaType type;
    private final byte[] bytes;

    OneShotBody(MediaType type, byte[] bytes) {
      this.type = type;
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
