package io.teamsmeet.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.teamsmeet.testkit.FakeMicrosoft;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock server in front of a {@link FakeMicrosoft} that forwards everything to it and can
 * change what the fake cannot: remove fields from the next refresh response ({@code refresh_token},
 * {@code expires_in}), or answer the next Graph calls with 401 itself, before they reach the fake
 * (a real 401 is not processed, so no meeting may be created behind it). It also keeps the bodies
 * of token responses, the only place an issued token shows before it is used.
 */
final class MicrosoftProxy implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GRAPH_401 =
      "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation"
          + " failure.\",\"innerError\":{\"date\":\"2026-11-25T09:00:00\",\"request-id\":"
          + "\"8f6d1c2e-0000-4000-8000-000000000401\",\"client-request-id\":"
          + "\"8f6d1c2e-0000-4000-8000-000000000401\"}}}";

  private final WireMockServer server;
  private final String origin;
  private final AtomicInteger graph401 = new AtomicInteger();
  private volatile Set<String> stripFromNextRefresh = Set.of();
  private final List<JsonNode> refreshResponses = new CopyOnWriteArrayList<>();
  final AtomicInteger graph401Served = new AtomicInteger();

  MicrosoftProxy(FakeMicrosoft fake) {
    URI identity = fake.identityBaseUri();
    String target = identity.getScheme() + "://" + identity.getAuthority();
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .http2PlainDisabled(true)
                .extensions(new Unauthorized(), new Tamper()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(target)));
    origin = "http://127.0.0.1:" + server.port();
  }

  URI identityBaseUri() {
    return URI.create(origin + "/login.microsoftonline.com");
  }

  URI graphBaseUri() {
    return URI.create(origin + "/graph.microsoft.com");
  }

  /** The next refresh response reaches the client without these fields. */
  void stripFromNextRefresh(String... fields) {
    stripFromNextRefresh = Set.of(fields);
  }

  /** The next {@code count} Graph calls are answered 401 by the proxy; the fake never sees them. */
  void graphUnauthorizedNext(int count) {
    graph401.set(count);
  }

  /** The refresh responses the client received, as it received them. */
  List<JsonNode> refreshResponses() {
    return List.copyOf(refreshResponses);
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Unauthorized implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      if (event.getRequest().getUrl().startsWith("/graph.microsoft.com/")
          && graph401.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        graph401Served.incrementAndGet();
        return aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"")
            .withHeader("request-id", "8f6d1c2e-0000-4000-8000-000000000401")
            .withBody(GRAPH_401)
            .build();
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "graph-401";
    }
  }

  private final class Tamper implements ResponseTransformerV2 {
    @Override
    public Response transform(Response response, ServeEvent event) {
      String path = event.getRequest().getUrl();
      if (!path.endsWith("/oauth2/v2.0/token") || response.getStatus() != 200) {
        return response;
      }
      JsonNode body;
      try {
        body = JSON.readTree(response.getBody());
      } catch (IOException e) {
        return response; // a truncated body from an injected fault: pass it on as it is
      }
      if (!(body instanceof ObjectNode object)) {
        return response;
      }
      remember(object);
      if (!event.getRequest().getBodyAsString().contains("grant_type=refresh_token")) {
        return response;
      }
      Set<String> strip = stripFromNextRefresh;
      stripFromNextRefresh = Set.of();
      strip.forEach(object::remove);
      refreshResponses.add(object.deepCopy());
      if (strip.isEmpty()) {
        return response;
      }
      List<HttpHeader> headers = new ArrayList<>();
      for (HttpHeader h : response.getHeaders().all()) {
        if (!h.key().equalsIgnoreCase("Content-Length")) {
          headers.add(h);
        }
      }
      return Response.Builder.like(response)
          .but()
          .headers(new HttpHeaders(headers))
          .body(object.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .build();
    }

    private void remember(ObjectNode tokens) {
      for (String field : List.of("access_token", "refresh_token", "id_token")) {
        JsonNode value = tokens.get(field);
        if (value != null && value.isTextual()) {
          Secrets.add(value.asText());
        }
      }
    }

    @Override
    public String getName() {
      return "tamper";
    }
  }
}
