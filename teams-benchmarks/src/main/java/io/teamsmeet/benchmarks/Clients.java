package io.teamsmeet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.Invitee;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.store.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The clients compared end to end; each creates one meeting per call and reads its fields. */
final class Clients {

  private Clients() {}

  /** One way of creating a meeting for a user. */
  interface MeetingClient extends AutoCloseable {
    String name();

    /** Creates a meeting for user number {@code user}; returns its joinWebUrl. */
    String create(int user) throws Exception;

    @Override
    default void close() {}
  }

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  static final MeetingRequest REQUEST =
      MeetingRequest.of("Quarterly review", START, Duration.ofMinutes(30));

  /** What the SDK sends for {@link #REQUEST}, prebuilt once for the raw floors. */
  static final byte[] BODY =
      ("{\"subject\":\"Quarterly review\",\"startDateTime\":\"2026-12-01T09:00:00Z\","
              + "\"endDateTime\":\"2026-12-01T09:30:00Z\","
              + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}")
          .getBytes(StandardCharsets.UTF_8);

  static final String CLIENT_ID = Peers.CLIENT_ID;

  static String userId(int i) {
    return "user-" + i;
  }

  /** Reads id, joinWebUrl and passcode as the floors do; returns joinWebUrl. */
  static String readMeeting(byte[] body) throws IOException {
    JsonNode json = MAPPER.readTree(body);
    String id = json.path("id").asText(null);
    String url = json.path("joinWebUrl").asText(null);
    String passcode = json.path("joinMeetingIdSettings").path("passcode").asText(null);
    if (id == null || url == null || passcode == null) {
      throw new IllegalStateException("incomplete meeting");
    }
    return url;
  }

  static KeysetHandle newKeyset() throws GeneralSecurityException {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
  }

  // ---------------------------------------------------------------- the SDK

  /** Builds the SDK against the fake; tokens expire and refresh as configured. */
  static TeamsMeetings sdk(
      FakeEndpoints fake,
      Transport transport,
      TokenStore store,
      KeysetHandle keys,
      Duration expirySkew,
      Duration refreshAhead,
      Executor refreshExecutor) {
    TeamsMeetings.Builder b =
        TeamsMeetings.builder()
            .clientId(CLIENT_ID)
            .redirectUri(URI.create("http://localhost:8080/callback"))
            .identityEndpoint(fake.base())
            .graphEndpoint(fake.base())
            .transport(transport)
            .tokenStore(store)
            .tokenKeys(keys)
            .expirySkew(expirySkew)
            .refreshAhead(refreshAhead);
    if (refreshExecutor != null) {
      b.refreshExecutor(refreshExecutor);
    }
    return b.build();
  }

  /** The scopes of an SDK that creates calendar events as well as meetings. */
  static final List<String> EVENT_SCOPES =
      List.of("OnlineMeetings.ReadWrite", "Calendars.ReadWrite");

  /** Builds the SDK against the fake with {@code scopes}; otherwise as {@link #sdk}. */
  static TeamsMeetings sdkWithScopes(
      FakeEndpoints fake,
      Transport transport,
      TokenStore store,
      KeysetHandle keys,
      Duration expirySkew,
      Duration refreshAhead,
      List<String> scopes) {
    return TeamsMeetings.builder()
        .clientId(CLIENT_ID)
        .redirectUri(URI.create("http://localhost:8080/callback"))
        .identityEndpoint(fake.base())
        .graphEndpoint(fake.base())
        .transport(transport)
        .tokenStore(store)
        .tokenKeys(keys)
        .expirySkew(expirySkew)
        .refreshAhead(refreshAhead)
        .scopes(scopes)
        .build();
  }

  /** Runs the connect flow once for a user: the fake's token endpoint accepts any code. */
  static void connect(TeamsMeetings sdk, String userId) {
    URI authorize = sdk.beginConnect(userId);
    String state = null;
    for (String p : authorize.getRawQuery().split("&")) {
      if (p.startsWith("state=")) {
        state = URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8);
      }
    }
    sdk.completeConnect(userId, Map.of("code", "0.AXEAcode", "state", state));
  }

  static final class Sdk implements MeetingClient {
    private final String name;
    private final TeamsMeetings sdk;

    Sdk(String name, TeamsMeetings sdk) {
      this.name = name;
      this.sdk = sdk;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String create(int user) {
      // built per call, as the peers' request objects are
      MeetingRequest request = MeetingRequest.of("Quarterly review", START, Duration.ofMinutes(30));
      Meeting m = sdk.meetings().create(userId(user), request);
      if (m.passcode().isEmpty()) {
        throw new IllegalStateException("no passcode");
      }
      return m.joinUrl().toString();
    }

    @Override
    public void close() {
      sdk.close();
    }
  }

  /**
   * The SDK creating a calendar event with a Teams meeting and one invitee per call ({@code POST
   * /me/events}; the calendar's providers are read once per user and kept five minutes). Returns
   * the event's join URL, which the SDK guarantees.
   */
  static final class SdkEvents implements MeetingClient {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final String name;
    private final TeamsMeetings sdk;

    SdkEvents(String name, TeamsMeetings sdk) {
      this.name = name;
      this.sdk = sdk;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String create(int user) {
      // built per call, as the meeting clients' requests are
      EventRequest request =
          EventRequest.builder("Quarterly review", START.atZone(BERLIN), Duration.ofMinutes(30))
              .invite(Invitee.required("bob@contoso.example"))
              .build();
      CalendarEvent e = sdk.events().create(userId(user), request);
      if (e.start().isEmpty()) {
        throw new IllegalStateException("no start");
      }
      return e.joinUrl().toString();
    }

    @Override
    public void close() {
      sdk.close();
    }
  }

  // ---------------------------------------------------------------- raw java.net.http

  static HttpClient jdkClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static final class RawJdk implements MeetingClient {
    private final HttpClient http = jdkClient();
    private final URI meetings;
    private final String bearer = "Bearer " + FakeEndpoints.ACCESS_TOKEN;

    RawJdk(FakeEndpoints fake) {
      this(fake.base());
    }

    /** Against the fake at {@code base} (possibly in another JVM). */
    RawJdk(URI base) {
      meetings = URI.create(base + "/v1.0/me/onlineMeetings");
    }

    @Override
    public String name() {
      return "raw java.net.http (floor)";
    }

    @Override
    public String create(int user) throws Exception {
      return post(http, meetings, bearer, BODY);
    }

    static String post(HttpClient http, URI meetings, String bearer, byte[] body) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(meetings)
              .header("Authorization", bearer)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      return readMeeting(response.body());
    }
  }

  /**
   * The original integration's flow: a refresh round trip before every meeting, then the create.
   */
  static final class Naive implements MeetingClient {
    private final HttpClient http = jdkClient();
    private final URI meetings;
    private final URI token;
    private final byte[] form =
        ("client_id="
                + CLIENT_ID
                + "&grant_type=refresh_token&scope=offline_access%20OnlineMeetings.ReadWrite"
                + "&refresh_token="
                + FakeEndpoints.REFRESH_TOKEN)
            .getBytes(StandardCharsets.US_ASCII);

    Naive(FakeEndpoints fake) {
      meetings = fake.meetingsUri();
      token = fake.tokenUri();
    }

    @Override
    public String name() {
      return "naive: refresh before every meeting (java.net.http)";
    }

    @Override
    public String create(int user) throws Exception {
      HttpRequest refresh =
          HttpRequest.newBuilder(token)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(form))
              .build();
      HttpResponse<byte[]> response = http.send(refresh, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token status " + response.statusCode());
      }
      String accessToken = MAPPER.readTree(response.body()).path("access_token").asText();
      return RawJdk.post(http, meetings, "Bearer " + accessToken, BODY);
    }
  }

  // ---------------------------------------------------------------- raw OkHttp

  static final class RawOkHttp implements MeetingClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http;
    private final String meetings;
    private final String bearer = "Bearer " + FakeEndpoints.ACCESS_TOKEN;
    private final RequestBody body = RequestBody.create(BODY, JSON);

    RawOkHttp(FakeEndpoints fake) {
      this(fake.base());
    }

    /** Against the fake at {@code base} (possibly in another JVM). */
    RawOkHttp(URI base) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      http =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(20, 2, java.util.concurrent.TimeUnit.MINUTES))
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(Duration.ofSeconds(30))
              .build();
      meetings = base + "/v1.0/me/onlineMeetings";
    }

    @Override
    public String name() {
      return "raw OkHttp (floor)";
    }

    @Override
    public String create(int user) throws Exception {
      Request request =
          new Request.Builder().url(meetings).header("Authorization", bearer).post(body).build();
      try (Response response = http.newCall(request).execute()) {
        if (response.code() != 201) {
          throw new IllegalStateException("status " + response.code());
        }
        return readMeeting(response.body().bytes());
      }
    }

    @Override
    public void close() {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  // ---------------------------------------------------------------- Microsoft Graph SDK v6

  /**
   * The Graph SDK as its README shows it, with a static token: {@code new
   * GraphServiceClient(authenticationProvider)} (its own OkHttp client with the default Graph
   * middleware: retry, redirect, telemetry, ...), base URL pointed at the fake.
   */
  static final class GraphSdk implements MeetingClient {
    private final GraphServiceClient graph;

    GraphSdk(FakeEndpoints fake) {
      this(fake.base());
    }

    /** Against the fake at {@code base} (possibly in another JVM). */
    GraphSdk(URI base) {
      graph = new GraphServiceClient(Peers.bearer(() -> FakeEndpoints.ACCESS_TOKEN));
      graph.getRequestAdapter().setBaseUrl(base + "/v1.0");
    }

    @Override
    public String name() {
      return "Microsoft Graph SDK 6, static token";
    }

    @Override
    public String create(int user) {
      return Peers.createWithGraph(graph);
    }
  }

  /**
   * What a backend writes today with MSAL4J and the Graph SDK: one confidential client application
   * whose token cache holds every user's account (seeded by an authorization-code redemption
   * against the fake, as after a sign-in), and per user a {@code GraphServiceClient} sharing one
   * Graph OkHttp client, whose token provider calls {@code acquireTokenSilently} before every
   * request. {@code executor} null: MSAL's default (on a 2-core machine, where the common pool has
   * parallelism 1, {@code CompletableFuture} starts a new thread for every call).
   */
  static final class MsalGraph implements MeetingClient {
    private final ConfidentialClientApplication app;
    private final List<GraphServiceClient> graphs = new ArrayList<>();
    private final String name;
    private final ExecutorService executor;

    MsalGraph(FakeEndpoints fake, int users, ExecutorService executor) throws Exception {
      this.executor = executor;
      this.name =
          "MSAL4J 1.26 + Graph SDK 6, acquireTokenSilently per request"
              + (executor == null ? " (MSAL's default executor)" : " (fixed pool of 8)");
      ConfidentialClientApplication.Builder b =
          Msal.msal(fake.tlsAuthority(), fake.clientTlsContext().getSocketFactory());
      if (executor != null) {
        b.executorService(executor);
      }
      app = b.build();
      okhttp3.OkHttpClient http = GraphClientFactory.create().build();
      for (int u = 0; u < users; u++) {
        Msal.signIn(app, userId(u));
      }
      for (int u = 0; u < users; u++) {
        IAccount account = account(app, userId(u));
        GraphServiceClient graph =
            new GraphServiceClient(
                Peers.bearer(
                    () -> {
                      try {
                        return app.acquireTokenSilently(
                                SilentParameters.builder(Peers.SCOPES, account).build())
                            .get()
                            .accessToken();
                      } catch (Exception e) {
                        throw new IllegalStateException("acquireTokenSilently failed", e);
                      }
                    }),
                http);
        graph.getRequestAdapter().setBaseUrl(fake.base() + "/v1.0");
        graphs.add(graph);
      }
    }

    static IAccount account(ConfidentialClientApplication app, String user) throws Exception {
      for (IAccount a : app.getAccounts().get()) {
        if (a.username().startsWith(user + "@")) {
          return a;
        }
      }
      throw new IllegalStateException("no cached account for " + user);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String create(int user) {
      return Peers.createWithGraph(graphs.get(user % graphs.size()));
    }

    @Override
    public void close() {
      if (executor != null) {
        executor.shutdown();
      }
    }
  }
}
