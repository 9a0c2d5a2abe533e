package io.teamsmeet.feign;

import com.sun.net.httpserver.HttpServer;
import io.teamsmeet.AccessToken;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Run by {@link OptionalOkHttpTest} in a fresh JVM, on a classpath chosen by the test: creates one
 * meeting through the transport named in {@code args[0]} ({@code jdk} or {@code okhttp}) against a
 * JDK {@code HttpServer}, and prints what it saw. Uses nothing of WireMock or the other fixtures,
 * so that the classes it loads are the SDK's own.
 */
public final class TransportProbe {

  private TransportProbe() {}

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          System.out.println("user-agent=" + exchange.getRequestHeaders().getFirst("User-Agent"));
          byte[] body =
              "{\"id\":\"m1\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      // Frameworks reflect over builders: the public types must not need OkHttp to be inspected.
      for (Class<?> type :
          List.of(TeamsMeetings.class, TeamsMeetings.Builder.class, Transport.class)) {
        type.getMethods();
        type.getDeclaredMethods();
        type.getDeclaredFields();
        type.getDeclaredConstructors();
      }
      Transport transport = args[0].equals("okhttp") ? Transport.okHttp() : Transport.jdk();
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      Meeting meeting =
          FeignMicrosoftAdapter.wire(
                  TeamsMeetings.builder()
                      .clientId("6731de76-14a6-49ae-97bc-6eba6914391e")
                      .redirectUri(URI.create("https://app.example/ms/callback"))
                      .identityEndpoint(base)
                      .graphEndpoint(base)
                      .transport(transport)
                      .microsoftSettings())
              .meetings()
              .create(
                  new AccessToken("probe-token"),
                  MeetingRequest.of(
                      "Probe", Instant.parse("2026-04-01T14:30:00Z"), Duration.ofMinutes(30)),
                  Fixture.deadline());
      System.out.println("meeting=" + meeting.id());
      if (args.length > 1 && args[1].equals("try-okhttp")) {
        try {
          Transport.okHttp();
          System.out.println("okhttp=available");
        } catch (IllegalStateException e) {
          System.out.println("okhttp=" + e.getMessage());
        }
      }
    } finally {
      server.stop(0);
    }
  }
}
