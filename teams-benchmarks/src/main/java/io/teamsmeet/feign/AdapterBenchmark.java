package io.teamsmeet.feign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import feign.Client;
import feign.Feign;
import io.teamsmeet.AccessToken;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.benchmarks.FakeEndpoints;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the SDK costs per meeting on top of the network, measured without one: every layer answers
 * from memory through a canned {@link feign.Client} (201 with a realistic onlineMeeting), so the
 * figures are the SDK's own CPU time per call, split by layer.
 *
 * <ul>
 *   <li>{@code sdkCreate}: {@code teams.meetings().create(user, request)} with a warm token cache
 *       (core + Feign + Jackson both ways + headers), the whole SDK path;
 *   <li>{@code graphPortCreate}: the adapter's {@code MeetingPort} alone (no core);
 *   <li>{@code feignBare}: a Feign call with the same canned client, no encoder, headers or
 *       decoding (Feign's own templating and dispatch);
 *   <li>{@code floorRead}: what the raw floors do besides HTTP: Jackson reads three fields of the
 *       same answer.
 * </ul>
 *
 * Run: {@code java -jar teams-benchmarks/target/benchmarks.jar AdapterBenchmark}. Run with {@code
 * -t 8} to see what contention adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AdapterBenchmark {

  /** A Feign interface with nothing on it but the request line. */
  interface Bare {
    @feign.RequestLine("POST /me/onlineMeetings")
    feign.Response create(byte[] body);
  }

  static final byte[] TOKEN =
      ("{\"token_type\":\"Bearer\",\"scope\":\"OnlineMeetings.ReadWrite\",\"expires_in\":3600,"
              + "\"access_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9."
              + "a".repeat(1500)
              + "\",\"refresh_token\":\""
              + FakeEndpoints.REFRESH_TOKEN
              + "\"}")
          .getBytes(StandardCharsets.UTF_8);
  static final Map<String, Collection<String>> JSON =
      Map.of("content-type", List.of("application/json; charset=utf-8"));

  /** Answers the token endpoint with {@link #TOKEN} and anything else with 201 and a meeting. */
  static final Client CANNED =
      (request, options) ->
          feign.Response.builder()
              .status(request.url().endsWith("/token") ? 200 : 201)
              .reason("OK")
              .request(request)
              .headers(JSON)
              .body(request.url().endsWith("/token") ? TOKEN : FakeEndpoints.MEETING)
              .build();

  private static final MeetingRequest REQUEST =
      MeetingRequest.of(
          "Quarterly review", Instant.parse("2026-12-01T09:00:00Z"), Duration.ofMinutes(30));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TeamsMeetings teams;
  private GraphMeetingPort port;
  private Bare bare;
  private final AccessToken token = new AccessToken("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.abc");
  private final byte[] body = "{\"subject\":\"Quarterly review\"}".getBytes(StandardCharsets.UTF_8);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    System.getLogger("io.teamsmeet"); // keep the INFO "connected" line: harmless, once
    AeadConfig.register();
    KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    teams =
        TeamsMeetings.builder()
            .clientId("3f2a8c4e-1b7d-4e9a-8c6f-2d5b7a9e1c3f")
            .redirectUri(URI.create("http://localhost:8080/callback"))
            .identityEndpoint(URI.create("http://127.0.0.1:9"))
            .graphEndpoint(URI.create("http://127.0.0.1:9"))
            .transport(Transport.feign(CANNED))
            .tokenStore(new InMemoryTokenStore())
            .tokenKeys(keys)
            .build();
    URI authorize = teams.beginConnect("user-0");
    String state = null;
    for (String p : authorize.getRawQuery().split("&")) {
      if (p.startsWith("state=")) {
        state = URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8);
      }
    }
    teams.completeConnect("user-0", Map.of("code", "0.AXEAcode", "state", state));
    port =
        new GraphMeetingPort(
            new Calls(
                new LoggingClient(CANNED),
                new feign.Request.Options(),
                "http://127.0.0.1:9/v1.0",
                new MeetingDecoder(),
                new GraphErrorDecoder(java.time.Clock.systemUTC()),
                true));
    bare = Feign.builder().client(CANNED).target(Bare.class, "http://127.0.0.1:9/v1.0");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    teams.close();
  }

  @Benchmark
  public Meeting sdkCreate() {
    return teams.meetings().create("user-0", REQUEST);
  }

  @Benchmark
  public Meeting graphPortCreate() {
    return port.create(
        token, REQUEST, io.teamsmeet.spi.Deadline.after(java.time.Duration.ofSeconds(30)));
  }

  @Benchmark
  public feign.Response feignBare() {
    return bare.create(body);
  }

  @Benchmark
  public String floorRead() throws Exception {
    JsonNode json = MAPPER.readTree(FakeEndpoints.MEETING);
    return json.path("id").asText()
        + json.path("joinWebUrl").asText()
        + json.path("joinMeetingIdSettings").path("passcode").asText();
  }
}
