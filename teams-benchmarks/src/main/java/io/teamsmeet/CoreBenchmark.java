package io.teamsmeet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.benchmarks.FakeEndpoints;
import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.MeetingPort;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The core's per-call costs, without HTTP: the cache-hit path of {@code MeetingService.create}
 * (access-token lookup for a warm user, validation, retrier) against an in-process MeetingPort that
 * returns a prebuilt meeting; and sealing/opening a stored grant (Tink AES256-GCM, a 1.2 KB refresh
 * token, the user id as associated data) as the core does on connect and on every refresh.
 *
 * <p>In package io.teamsmeet to reach the package-private {@code GrantCodec}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CoreBenchmark {

  private static final String USER = "user-0";
  private TeamsMeetings service;
  private MeetingRequest request;
  private GrantCodec codec;
  private Grant grant;
  private byte[] sealed;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    AeadConfig.register();
    KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    Meeting meeting =
        Meeting.builder(
                "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2E",
                URI.create(
                    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1%40thread.v2/0"))
            .joinMeetingId("3384938574852", "fW5ck9")
            .build();
    TokenResponse tokens =
        new TokenResponse(
            new AccessToken("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.sig"),
            Instant.now().plus(Duration.ofHours(1)),
            Optional.of(new RefreshToken(FakeEndpoints.REFRESH_TOKEN)),
            Set.of("OnlineMeetings.ReadWrite"),
            IdTokenClaims.none());
    AuthPort auth =
        new AuthPort() {
          @Override
          public URI authorizationUrl(AuthorizationRequest r) {
            return URI.create(
                "https://login.example/authorize?state="
                    + URLEncoder.encode(r.state(), StandardCharsets.UTF_8));
          }

          @Override
          public TokenResponse exchangeCode(
              AuthorizationCode code, CodeVerifier verifier, Deadline deadline) {
            return tokens;
          }

          @Override
          public TokenResponse refresh(
              RefreshToken refreshToken, List<String> scopes, Deadline deadline) {
            return tokens;
          }
        };
    MeetingPort port =
        new MeetingPort() {
          @Override
          public Meeting create(AccessToken token, MeetingRequest r, Deadline deadline) {
            return meeting;
          }

          @Override
          public Meeting createOrGet(AccessToken token, MeetingRequest r, Deadline deadline) {
            return meeting;
          }

          @Override
          public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
            return meeting;
          }

          @Override
          public java.util.Optional<Meeting> findByJoinMeetingId(
              AccessToken token, String joinMeetingId, Deadline deadline) {
            return java.util.Optional.of(meeting);
          }

          @Override
          public java.util.Optional<Meeting> findByJoinWebUrl(
              AccessToken token, String joinWebUrl, Deadline deadline) {
            return java.util.Optional.of(meeting);
          }

          @Override
          public Meeting update(
              AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
            return meeting;
          }

          @Override
          public void delete(AccessToken token, String meetingId, Deadline deadline) {}
        };
    service =
        TeamsMeetings.builder()
            .ports(auth, port)
            .tokenStore(new InMemoryTokenStore())
            .tokenKeys(keys)
            .build();
    String query = service.beginConnect(USER).getRawQuery();
    String state =
        URLDecoder.decode(query.substring(query.indexOf("state=") + 6), StandardCharsets.UTF_8);
    service.completeConnect(USER, Map.of("code", "c", "state", state));
    request =
        MeetingRequest.of(
            "Quarterly review", Instant.parse("2026-12-01T09:00:00Z"), Duration.ofMinutes(30));

    codec = new GrantCodec(keys.getPrimitive(RegistryConfiguration.get(), Aead.class));
    grant =
        new Grant(
            new RefreshToken(FakeEndpoints.REFRESH_TOKEN),
            Optional.of("909c6581-5130-43e9-88f3-fcb3582cde37"),
            Optional.of("adele@contoso.example"),
            Set.of("OnlineMeetings.ReadWrite", "User.Read", "offline_access"),
            Instant.parse("2026-11-25T10:00:00Z"),
            42L);
    sealed = codec.seal(USER, grant);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    service.close();
  }

  /** MeetingService.create for a user with a cached access token; the port returns at once. */
  @Benchmark
  public Meeting cacheHitCreate() {
    return service.meetings().create(USER, request);
  }

  @Benchmark
  public byte[] sealGrant() {
    return codec.seal(USER, grant);
  }

  @Benchmark
  public Grant openGrant() throws Exception {
    return codec.open(USER, sealed);
  }
}
