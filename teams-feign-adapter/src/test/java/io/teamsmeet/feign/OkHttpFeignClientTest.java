package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's Feign client on OkHttp where it could differ from feign-okhttp's: repeated response
 * headers, empty bodies, methods with and without a body, a chunked body, options that differ.
 */
class OkHttpFeignClientTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final OkHttpClient OK_HTTP =
      new OkHttpClient.Builder()
          .connectTimeout(2, TimeUnit.SECONDS)
          .readTimeout(5, TimeUnit.SECONDS)
          .followRedirects(false)
          .build();

  private static final Request.Options OPTIONS =
      new Request.Options(2, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);

  private final OkHttpFeignClient client = new OkHttpFeignClient(OK_HTTP);

  private static Request request(
      Request.HttpMethod method, String url, Map<String, Collection<String>> headers, byte[] body) {
    return Request.create(method, url, headers, body, StandardCharsets.UTF_8, null);
  }

  private static String read(Response response) throws IOException {
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void repeatedResponseHeadersArriveAsOneListInOrderWhateverTheirCase() throws IOException {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("WWW-Authenticate", "Bearer a=1", "Bearer b=2")
                    .withHeader("Retry-After", "7")
                    .withHeader("Set-Cookie", "dropped=1")
                    .withBody("{}")));

    try (Response response =
        client.execute(
            request(Request.HttpMethod.GET, wm.baseUrl() + "/h", Map.of(), null), OPTIONS)) {
      assertThat(response.headers().get("www-authenticate"))
          .containsExactly("Bearer a=1", "Bearer b=2");
      assertThat(response.headers().get("WWW-AUTHENTICATE"))
          .containsExactly("Bearer a=1", "Bearer b=2");
      assertThat(response.headers().get("retry-after")).containsExactly("7");
      // a header the adapter does not read is not handed to Feign (Http.RESPONSE_HEADERS)
      assertThat(response.headers()).doesNotContainKey("Set-Cookie");
      assertThat(response.protocolVersion()).isEqualTo(Request.ProtocolVersion.HTTP_1_1);
      assertThat(response.reason()).isEqualTo("OK");
      assertThat(read(response)).isEqualTo("{}");
    }
  }

  @Test
  void namesThatDifferOnlyInCaseMergeInTheOrderTheyCame() {
    Headers headers =
        new Headers.Builder()
            .add("WWW-Authenticate", "a")
            .add("www-authenticate", "b")
            .add("request-id", "x")
            .add("WWW-AUTHENTICATE", "c")
            .build();

    Map<String, Collection<String>> map = OkHttpFeignClient.headers(headers);

    assertThat(map).hasSize(2);
    assertThat(map.get("www-authenticate")).containsExactly("a", "b", "c");
    assertThat(map.get("Request-Id")).containsExactly("x");
  }

  @Test
  void onlyTheHeadersTheAdapterReadsAreKept() {
    Headers.Builder graph =
        new Headers.Builder()
            .add("Cache-Control", "no-cache")
            .add("Transfer-Encoding", "chunked")
            .add("Content-Type", "application/json;odata.metadata=minimal;charset=utf-8")
            .add("Strict-Transport-Security", "max-age=31536000")
            .add("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"West Europe\"}}")
            .add("x-ms-resource-unit", "1")
            .add("OData-Version", "4.0")
            .add("Set-Cookie", "a=b");
    for (String name : Http.RESPONSE_HEADERS) {
      graph.add(name.toUpperCase(java.util.Locale.ROOT), "value of " + name);
    }

    Map<String, Collection<String>> map = OkHttpFeignClient.headers(graph.build());

    assertThat(map).hasSize(Http.RESPONSE_HEADERS.size());
    for (String name : Http.RESPONSE_HEADERS) {
      assertThat(map.get(name)).containsExactly("value of " + name);
    }
    assertThat(map).doesNotContainKeys("Content-Type", "Set-Cookie", "x-ms-ags-diagnostic");
    assertThat(Http.isRead(null)).isFalse();
    assertThat(Http.isRead("")).isFalse();
    assertThat(Http.isRead("request-id2")).isFalse();
    assertThat(Http.isRead("RETRY-AFTER")).isTrue();
  }

  @Test
  void aGetIsSentWithoutABodyAndA204HasNone() throws IOException {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    try (Response response =
        client.execute(
            request(
                Request.HttpMethod.GET,
                wm.baseUrl() + "/empty?x=1",
                Map.of("X-Mine", List.of("1", "2")),
                null),
            OPTIONS)) {
      assertThat(response.status()).isEqualTo(204);
      assertThat(response.body()).isNull();
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/empty?x=1"))
            .withHeader("Content-Length", absent())
            .withHeader("Content-Type", absent())
            .withHeader("X-Mine", equalTo("1"))
            .withHeader("X-Mine", equalTo("2"))
            // feign-okhttp's default when the request has no Accept (the SDK always sends one)
            .withHeader("Accept", equalTo("*/*")));
    assertThat(wm.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
  }

  @Test
  void aPatchSendsItsBodyWithItsContentType() throws IOException {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"m\"}")));
    byte[] body = "{\"subject\":\"s\"}".getBytes(StandardCharsets.UTF_8);

    try (Response response =
        client.execute(
            request(
                Request.HttpMethod.PATCH,
                wm.baseUrl() + "/m",
                Map.of("Content-Type", List.of("application/json"), "Accept", List.of("a/b")),
                body),
            OPTIONS)) {
      assertThat(read(response)).isEqualTo("{\"id\":\"m\"}");
    }
    wm.verify(
        patchRequestedFor(urlEqualTo("/m"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Content-Length", equalTo(String.valueOf(body.length)))
            .withHeader("Accept", equalTo("a/b"))
            .withRequestBody(equalTo("{\"subject\":\"s\"}")));
  }

  @Test
  void aFormBodyKeepsItsOwnContentTypeAndAPostWithoutBodySendsAnEmptyOne() throws IOException {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    String form = "application/x-www-form-urlencoded";

    client
        .execute(
            request(
                Request.HttpMethod.POST,
                wm.baseUrl() + "/token",
                Map.of("Content-Type", List.of(form)),
                "a=b".getBytes(StandardCharsets.UTF_8)),
            OPTIONS)
        .close();
    client
        .execute(request(Request.HttpMethod.POST, wm.baseUrl() + "/none", Map.of(), null), OPTIONS)
        .close();

    wm.verify(
        postRequestedFor(urlEqualTo("/token"))
            .withHeader("Content-Type", equalTo(form))
            .withRequestBody(equalTo("a=b")));
    wm.verify(
        postRequestedFor(urlEqualTo("/none"))
            .withHeader("Content-Length", equalTo("0"))
            .withHeader("Content-Type", absent()));
  }

  @Test
  void optionsThatDifferFromTheClientAreHonouredWithoutChangingIt() throws IOException {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

    try (Response response =
        client.execute(
            request(Request.HttpMethod.GET, wm.baseUrl() + "/o", Map.of(), null),
            new Request.Options(1, TimeUnit.SECONDS, 3, TimeUnit.SECONDS, false))) {
      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(client.okHttpClient()).isSameAs(OK_HTTP);
    assertThat(OK_HTTP.readTimeoutMillis()).isEqualTo(5_000);
  }

  @Test
  void aChunkedBodyWithoutContentLengthIsReadFully() throws Exception {
    String payload = "{\"value\":\"" + "x".repeat(20_000) + "\"}";
    try (ServerSocket server = new ServerSocket(0)) {
      Thread serving =
          new Thread(
              () -> {
                try (Socket socket = server.accept()) {
                  InputStream in = socket.getInputStream();
                  // the request head, up to its blank line
                  int state = 0;
                  while (state < 4) {
                    int c = in.read();
                    if (c < 0) {
                      return;
                    }
                    state = (c == '\r' || c == '\n') ? state + 1 : 0;
                  }
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
                  for (int at = 0; at < bytes.length; at += 4096) {
                    int n = Math.min(4096, bytes.length - at);
                    out.write(
                        (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // the test's assertions report it
                }
              });
      serving.setDaemon(true);
      serving.start();

      try (Response response =
          client.execute(
              request(
                  Request.HttpMethod.GET,
                  "http://127.0.0.1:" + server.getLocalPort() + "/chunked",
                  Map.of(),
                  null),
              OPTIONS)) {
        assertThat(response.body().length()).isNull();
        assertThat(read(response)).isEqualTo(payload);
      }
      serving.join(5_000);
    }
  }
}
