package io.teamsmeet.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local fake of the two Microsoft endpoints the benchmarks call, cheap enough not to dominate:
 * the JDK's HTTP server on 127.0.0.1 with a fixed thread pool and canned bodies.
 *
 * <ul>
 *   <li>{@code POST /v1.0/me/onlineMeetings} answers 201 with a realistic onlineMeeting;
 *   <li>{@code POST /v1.0/me/events} answers 201 with a realistic calendar event with a Teams
 *       meeting (times in UTC, as asked with {@code Prefer: outlook.timezone}), and {@code GET
 *       /v1.0/me/calendar} 200 with a calendar that allows Teams; both counted;
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token} answers 200 with a token response whose {@code
 *       expires_in} is {@link #tokenLifetimeSeconds}; calls are counted.
 * </ul>
 *
 * A second listener on HTTPS (a self-signed certificate made with {@code keytool} at start, for
 * 127.0.0.1) answers the token endpoint for MSAL4J, which refuses a plain-HTTP authority; its
 * responses carry what MSAL needs to cache an account ({@code id_token}, {@code client_info}), per
 * user: the user travels in the authorization code ({@code user-N}) and then in the refresh token.
 *
 * <p>Optional fixed delays per request ({@link #delayMs} for every request, {@link #tokenDelayMs}
 * added on the token endpoint) can be changed while it runs.
 */
public final class FakeEndpoints implements AutoCloseable {

  public static final byte[] MEETING =
      ("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f')/onlineMeetings/$entity\","
              + "\"id\":\"MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_MjAyMTA0MDkwNzI4MDQ5MTIzNDU2Nzg5\","
              + "\"creationDateTime\":\"2026-11-25T10:00:00.1234567Z\","
              + "\"startDateTime\":\"2026-12-01T09:00:00Z\",\"endDateTime\":\"2026-12-01T09:30:00Z\","
              + "\"joinUrl\":null,"
              + "\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0%40thread.v2/0?context=%7b%22Tid%22%3a%22909c6581-5130-43e9-88f3-fcb3582cde37%22%2c%22Oid%22%3a%225f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f%22%7d\","
              + "\"meetingCode\":\"333344445555\",\"subject\":\"Quarterly review\",\"isBroadcast\":false,"
              + "\"autoAdmittedUsers\":\"everyoneInCompany\",\"outerMeetingAutoAdmittedUsers\":null,"
              + "\"isEntryExitAnnounced\":true,\"allowedPresenters\":\"everyone\",\"allowMeetingChat\":\"enabled\","
              + "\"shareMeetingChatHistoryDefault\":\"none\",\"allowTeamworkReactions\":true,"
              + "\"allowAttendeeToEnableCamera\":true,\"allowAttendeeToEnableMic\":true,\"allowRecording\":true,"
              + "\"allowTranscription\":true,\"recordAutomatically\":false,\"externalId\":null,"
              + "\"videoTeleconferenceId\":null,\"isEndToEndEncryptionEnabled\":false,"
              + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true,\"joinMeetingId\":\"3384938574852\",\"passcode\":\"fW5ck9\"},"
              + "\"lobbyBypassSettings\":{\"scope\":\"organization\",\"isDialInBypassEnabled\":false},"
              + "\"audioConferencing\":{\"conferenceId\":\"9999999\",\"tollNumber\":\"+12525634478\",\"tollFreeNumber\":\"+18666390588\","
              + "\"tollNumbers\":[\"+12525634478\"],\"tollFreeNumbers\":[\"+18666390588\"],"
              + "\"dialinUrl\":\"https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=9999999\"},"
              + "\"chatInfo\":{\"threadId\":\"19:meeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0@thread.v2\",\"messageId\":\"0\",\"replyChainMessageId\":null},"
              + "\"participants\":{\"organizer\":{\"upn\":\"adele@contoso.example\",\"role\":\"presenter\","
              + "\"identity\":{\"application\":null,\"device\":null,\"phone\":null,"
              + "\"user\":{\"id\":\"5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f\",\"displayName\":\"Adele Vance\",\"tenantId\":\"909c6581-5130-43e9-88f3-fcb3582cde37\",\"identityProvider\":\"AAD\"}}},"
              + "\"attendees\":[]},"
              + "\"lobbyBypassSettings@odata.type\":\"#microsoft.graph.lobbyBypassSettings\"}")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * A created event as Graph returns it (the shape of "Create and enable an event as an online
   * meeting", one attendee, times in UTC).
   */
  public static final byte[] EVENT =
      ("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f')/events/$entity\","
              + "\"@odata.etag\":\"W/\\\"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ==\\\"\","
              + "\"id\":\"AAMkAGI2TG93AAA=NjE4YjQ1Y2UtZDk1Ny00ZTUzLWI3YjctN2FhODE3MGJkNjQ1AEYAAAAAAAA\","
              + "\"createdDateTime\":\"2026-11-25T10:00:00.1234567Z\",\"lastModifiedDateTime\":\"2026-11-25T10:00:00.2345678Z\","
              + "\"changeKey\":\"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ==\",\"categories\":[],"
              + "\"transactionId\":\"7E163156-7762-4BEB-A1C6-729EA81755A7\","
              + "\"originalStartTimeZone\":\"W. Europe Standard Time\",\"originalEndTimeZone\":\"W. Europe Standard Time\","
              + "\"iCalUId\":\"040000008200E00074C5B7101A82E00800000000DA2B357D94B7D201000000000000000010000000F02A93AE8D1B2A4F8A7D8F3D1A1B2C3D\","
              + "\"reminderMinutesBeforeStart\":15,\"isReminderOn\":true,\"hasAttachments\":false,"
              + "\"subject\":\"Quarterly review\",\"bodyPreview\":\"Agenda\",\"importance\":\"normal\","
              + "\"sensitivity\":\"normal\",\"isAllDay\":false,\"isCancelled\":false,\"isOrganizer\":true,"
              + "\"responseRequested\":true,\"seriesMasterId\":null,\"showAs\":\"busy\",\"type\":\"singleInstance\","
              + "\"webLink\":\"https://outlook.office365.com/owa/?itemid=AAMkAGI2TG93AAA%3D&exvsurl=1&path=/calendar/item\","
              + "\"onlineMeetingUrl\":null,\"isOnlineMeeting\":true,\"onlineMeetingProvider\":\"teamsForBusiness\","
              + "\"allowNewTimeProposals\":true,\"isDraft\":false,\"hideAttendees\":false,"
              + "\"responseStatus\":{\"response\":\"organizer\",\"time\":\"0001-01-01T00:00:00Z\"},"
              + "\"body\":{\"contentType\":\"html\",\"content\":\"<html><head><meta http-equiv=\\\"Content-Type\\\" content=\\\"text/html; charset=utf-8\\\"></head><body>Agenda<br><div>________________________________________________________________________________</div><div><a href=\\\"https://teams.microsoft.com/l/meetup-join/x\\\">Join the meeting now</a></div></body></html>\"},"
              + "\"start\":{\"dateTime\":\"2026-12-01T09:00:00.0000000\",\"timeZone\":\"UTC\"},"
              + "\"end\":{\"dateTime\":\"2026-12-01T09:30:00.0000000\",\"timeZone\":\"UTC\"},"
              + "\"location\":{\"displayName\":\"\",\"locationType\":\"default\",\"uniqueIdType\":\"unknown\",\"address\":{},\"coordinates\":{}},"
              + "\"locations\":[],\"recurrence\":null,"
              + "\"attendees\":[{\"type\":\"required\",\"status\":{\"response\":\"none\",\"time\":\"0001-01-01T00:00:00Z\"},"
              + "\"emailAddress\":{\"name\":\"Bob Kelly\",\"address\":\"bob@contoso.example\"}}],"
              + "\"organizer\":{\"emailAddress\":{\"name\":\"Adele Vance\",\"address\":\"adele@contoso.example\"}},"
              + "\"onlineMeeting\":{\"joinUrl\":\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0%40thread.v2/0?context=%7b%22Tid%22%3a%22909c6581-5130-43e9-88f3-fcb3582cde37%22%2c%22Oid%22%3a%225f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f%22%7d\","
              + "\"conferenceId\":\"177513992\",\"tollNumber\":\"+12525634478\",\"tollFreeNumbers\":[\"+18666390588\"]}}")
          .getBytes(StandardCharsets.UTF_8);

  /** The default calendar as {@code GET /me/calendar} returns it. */
  static final byte[] CALENDAR =
      ("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f')/calendar/$entity\","
              + "\"id\":\"AAMkAGI2TGuLAAA=\",\"name\":\"Calendar\",\"color\":\"auto\",\"isDefaultCalendar\":true,"
              + "\"changeKey\":\"nfZyf7VcrEKLNoU37KWlkQAAA0x0+w==\",\"canShare\":true,\"canViewPrivateItems\":true,"
              + "\"canEdit\":true,\"allowedOnlineMeetingProviders\":[\"teamsForBusiness\"],"
              + "\"defaultOnlineMeetingProvider\":\"teamsForBusiness\",\"isTallyingResponses\":true,\"isRemovable\":false,"
              + "\"owner\":{\"name\":\"Adele Vance\",\"address\":\"adele@contoso.example\"}}")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * The onlineMeeting as Graph v1.0 answers a create in full (issue 19's size, about 4.6 KB):
   * {@link #MEETING}'s fields and the ones Graph adds to it — {@code joinInformation} (the
   * invitation as a percent-encoded HTML data URL, the largest field), {@code chatRestrictions},
   * {@code meetingTemplateId}, {@code watermarkProtection}, {@code broadcastSettings}, two
   * attendees. Sent with Graph's response headers ({@link #realistic}).
   */
  public static final byte[] FULL_MEETING = fullMeeting();

  private static byte[] fullMeeting() {
    String invitation =
        "<div style=\"width:100%;height: 20px;\"><span style=\"white-space:nowrap;color:#5F5F5F;"
            + "opacity:.36;\">________________________________________________________________________________</span></div>"
            + "<div class=\"me-email-text\" lang=\"en-US\" style=\"color:#252424;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\">"
            + "<div style=\"margin-top: 24px; margin-bottom: 20px;\"><span style=\"font-size: 24px; color:#252424\">Microsoft Teams meeting</span></div>"
            + "<div style=\"margin-bottom: 20px;\"><div style=\"margin-top: 0px; margin-bottom: 0px; font-weight: bold\">"
            + "<span style=\"font-size: 14px; color:#252424\">Join on your computer, mobile app or room device</span></div>"
            + "<a class=\"me-email-headline\" style=\"font-size: 14px;font-family:'Segoe UI Semibold','Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;text-decoration: underline;color: #6264a7;\" "
            + "href=\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0%40thread.v2/0\">Click here to join the meeting</a></div>"
            + "<div style=\"margin-bottom: 20px; margin-top: 20px\"><div style=\"margin-bottom: 4px\"><span style=\"font-size: 14px; color:#252424\">"
            + "Meeting ID: <span style=\"font-size: 16px; color:#252424\">338 493 857 485 2</span></span><br><span style=\"font-size: 14px; color:#252424\">"
            + "Passcode: </span><span style=\"font-size: 16px; color:#252424\">fW5ck9</span></div></div>"
            + "<div style=\"margin-bottom: 24px;max-width: 532px;\"><a href=\"https://aka.ms/JoinTeamsMeeting\">Learn More</a> | "
            + "<a href=\"https://teams.microsoft.com/meetingOptions/?organizerId=5f1c7a2e\">Meeting options</a></div></div>"
            + "<div style=\"font-size: 14px; margin-bottom: 4px;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\"></div>"
            + "<div style=\"width:100%;height: 20px;\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36;\">"
            + "________________________________________________________________________________</span></div>";
    String content =
        "data:text/html,"
            + java.net.URLEncoder.encode(invitation, StandardCharsets.UTF_8).replace("\\", "\\\\");
    String base = new String(MEETING, StandardCharsets.UTF_8);
    String attendees =
        "\"attendees\":[{\"upn\":\"bob@contoso.example\",\"role\":\"attendee\","
            + "\"identity\":{\"user\":{\"id\":\"0d4f7a5e-1c9b-4a3e-8f2d-6b7c8d9e0f1a\",\"displayName\":null,"
            + "\"tenantId\":\"909c6581-5130-43e9-88f3-fcb3582cde37\",\"identityProvider\":\"AAD\"}}},"
            + "{\"upn\":\"carol@fabrikam.example\",\"role\":\"attendee\","
            + "\"identity\":{\"user\":{\"id\":null,\"displayName\":\"carol@fabrikam.example\","
            + "\"tenantId\":null,\"identityProvider\":\"MSA\"}}}]},";
    String extra =
        "\"meetingTemplateId\":null,\"watermarkProtection\":null,\"broadcastSettings\":null,"
            + "\"chatRestrictions\":{\"allowedMessageTypes\":[\"text\",\"image\",\"gif\",\"sticker\"]},"
            + "\"joinInformation\":{\"content\":\""
            + content
            + "\",\"contentType\":\"html\"},";
    String full =
        base.replace("\"attendees\":[]},", attendees)
            .replace(
                "\"lobbyBypassSettings@odata.type\"", extra + "\"lobbyBypassSettings@odata.type\"");
    if (full.equals(base)) {
      throw new IllegalStateException("MEETING changed: FULL_MEETING no longer extends it");
    }
    return full.getBytes(StandardCharsets.UTF_8);
  }

  /** A refresh token about the size of a real one (Microsoft's are opaque, 1–2 KB). */
  public static final String REFRESH_TOKEN = "0.AXEA" + "x".repeat(1200);

  /** An access token about the size of a real JWT. */
  static final String ACCESS_TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "a".repeat(1500) + "." + "s".repeat(342);

  private final HttpServer server;
  private final HttpsServer tlsServer;
  private final Path trustStore;
  private final SSLContext clientTls;
  private final AtomicLong tlsTokenCalls = new AtomicLong();
  volatile int tlsTokenLifetimeSeconds = 3600;
  private final ExecutorService pool;
  private final List<Long> serverThreadIds = new CopyOnWriteArrayList<>();
  private final AtomicLong tokenCalls = new AtomicLong();
  private final AtomicLong meetingCalls = new AtomicLong();
  private final AtomicLong eventCalls = new AtomicLong();
  private final AtomicLong calendarCalls = new AtomicLong();
  volatile int delayMs;
  volatile int tokenDelayMs;

  /**
   * When set, {@code POST /v1.0/me/onlineMeetings} answers with {@link #FULL_MEETING} and the
   * response headers Graph sends ({@code request-id}, {@code client-request-id} echoed, {@code
   * x-ms-ags-diagnostic}, {@code OData-Version}, {@code Strict-Transport-Security}, {@code
   * Location}, {@code Cache-Control}, {@code Date}, Graph's OData {@code Content-Type}).
   */
  volatile boolean realistic;

  /** When set, the arrival (System.nanoTime) of every plain-HTTP token request (the burst). */
  volatile java.util.Queue<Long> tokenArrivals;

  /** Plain-HTTP token requests being answered now, and the most at once (the burst). */
  final java.util.concurrent.atomic.AtomicInteger tokenInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  final java.util.concurrent.atomic.AtomicInteger tokenPeakInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile byte[] tokenBody;

  static {
    // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every response
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // keep idle keep-alive connections open while another client's rounds run (default 30 s), so no
    // client picks a pooled connection the server is closing
    System.setProperty("sun.net.httpserver.idleInterval", "3600");
    // eight clients keep their own pools open: never close an idle connection for being one too
    // many
    System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
  }

  FakeEndpoints(int threads) throws IOException {
    this(threads, 1024);
  }

  /**
   * With a listen backlog of {@code backlog} (the burst opens thousands of connections at once).
   */
  FakeEndpoints(int threads, int backlog) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fake-microsoft");
              t.setDaemon(true);
              serverThreadIds.add(t.getId());
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/v1.0/me/onlineMeetings", this::meeting);
    server.createContext("/v1.0/me/events", this::event);
    server.createContext("/v1.0/me/calendar", this::calendar);
    server.createContext("/", this::token);
    tokenLifetimeSeconds(3600);
    server.start();
    try {
      Path dir = ColdStart.tempDirectory("fake-microsoft-tls");
      Path keyStore = dir.resolve("server.p12");
      char[] password = "benchmark".toCharArray();
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "fake",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-validity",
                  "30",
                  "-dname",
                  "CN=127.0.0.1",
                  "-ext",
                  "SAN=ip:127.0.0.1,dns:localhost",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keyStore.toString(),
                  "-storepass",
                  "benchmark",
                  "-keypass",
                  "benchmark")
              .redirectErrorStream(true)
              .start();
      String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (keytool.waitFor() != 0) {
        throw new IOException("keytool failed: " + out);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        keys.load(in, password);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext serverTls = SSLContext.getInstance("TLS");
      serverTls.init(kmf.getKeyManagers(), null, null);
      Certificate cert = keys.getCertificate("fake");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("fake", cert);
      trustStore = dir.resolve("trust.p12");
      try (OutputStream o = Files.newOutputStream(trustStore)) {
        trust.store(o, password);
      }
      clientTls = Peers.clientTls(trustStore);
      tlsServer = httpsServerOn443OrAny();
      tlsServer.setHttpsConfigurator(new HttpsConfigurator(serverTls));
      tlsServer.setExecutor(pool);
      tlsServer.createContext("/", this::tlsToken);
      tlsServer.start();
    } catch (IOException e) {
      server.stop(0);
      throw e;
    } catch (Exception e) {
      server.stop(0);
      throw new IOException("cannot start the HTTPS token endpoint", e);
    }
  }

  /**
   * Port 443 when it can be bound (root, as on this project's machines): MSAL4J's silent refresh
   * rebuilds the authority from the cached account's environment, which keeps the host but not the
   * port, so a refresh from a persisted cache reaches only a token endpoint on the default port.
   * Elsewhere an ephemeral port: everything but the MSAL cold start still works.
   */
  private static HttpsServer httpsServerOn443OrAny() throws IOException {
    try {
      return HttpsServer.create(new InetSocketAddress("127.0.0.1", 443), 1024);
    } catch (IOException e) {
      return HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    }
  }

  boolean tlsOnDefaultPort() {
    return tlsServer.getAddress().getPort() == 443;
  }

  /** The HTTPS authority MSAL4J is given: {@code https://127.0.0.1:PORT/organizations/}. */
  String tlsAuthority() {
    return tlsOnDefaultPort()
        ? "https://127.0.0.1/organizations/"
        : "https://127.0.0.1:" + tlsServer.getAddress().getPort() + "/organizations/";
  }

  Path trustStore() {
    return trustStore;
  }

  SSLContext clientTlsContext() {
    return clientTls;
  }

  long tlsTokenCalls() {
    return tlsTokenCalls.get();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI meetingsUri() {
    return URI.create(base() + "/v1.0/me/onlineMeetings");
  }

  URI tokenUri() {
    return URI.create(base() + "/organizations/oauth2/v2.0/token");
  }

  void tokenLifetimeSeconds(int seconds) {
    tokenBody =
        ("{\"token_type\":\"Bearer\",\"scope\":\"OnlineMeetings.ReadWrite Calendars.ReadWrite User.Read"
                + " profile openid email\","
                + "\"expires_in\":"
                + seconds
                + ",\"ext_expires_in\":"
                + seconds
                + ",\"access_token\":\""
                + ACCESS_TOKEN
                + "\",\"refresh_token\":\""
                + REFRESH_TOKEN
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
  }

  long tokenCalls() {
    return tokenCalls.get();
  }

  long meetingCalls() {
    return meetingCalls.get();
  }

  long eventCalls() {
    return eventCalls.get();
  }

  long calendarCalls() {
    return calendarCalls.get();
  }

  URI eventsUri() {
    return URI.create(base() + "/v1.0/me/events");
  }

  /** CPU time used so far by the fake's threads, to take it out of the process's CPU time. */
  long serverCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : serverThreadIds) {
      long t = mx.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  private void meeting(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      meetingCalls.incrementAndGet();
      if (!"POST".equals(exchange.getRequestMethod())
          || exchange.getRequestHeaders().getFirst("Authorization") == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      sleep(delayMs);
      byte[] body = MEETING;
      if (realistic) {
        body = FULL_MEETING;
        graphHeaders(exchange);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(201, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The headers Graph sends with a created onlineMeeting (values in Graph's shapes). */
  private static void graphHeaders(HttpExchange exchange) {
    com.sun.net.httpserver.Headers h = exchange.getResponseHeaders();
    h.set("Cache-Control", "no-cache");
    h.set(
        "Content-Type",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    h.set(
        "Location",
        "https://graph.microsoft.com/v1.0/users/5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f/onlineMeetings/"
            + "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_MjAyMTA0MDkwNzI4MDQ5MTIzNDU2Nzg5");
    String sent = exchange.getRequestHeaders().getFirst("client-request-id");
    String id = "4c1d7b3e-9a2f-4e8b-b6d5-3f0a1c2e4d6b";
    h.set("request-id", id);
    h.set("client-request-id", sent != null ? sent : id);
    h.set(
        "x-ms-ags-diagnostic",
        "{\"ServerInfo\":{\"DataCenter\":\"West Europe\",\"Slice\":\"E\",\"Ring\":\"5\","
            + "\"ScaleUnit\":\"003\",\"RoleInstance\":\"AM2PEPF0001C2A3\"}}");
    h.set("OData-Version", "4.0");
    h.set("Strict-Transport-Security", "max-age=31536000");
    h.set("Date", "Mon, 30 Nov 2026 10:00:00 GMT");
  }

  private void event(HttpExchange exchange) throws IOException {
    answer(exchange, "POST", 201, EVENT, eventCalls);
  }

  private void calendar(HttpExchange exchange) throws IOException {
    answer(exchange, "GET", 200, CALENDAR, calendarCalls);
  }

  private void answer(
      HttpExchange exchange, String method, int status, byte[] body, AtomicLong counter)
      throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      counter.incrementAndGet();
      if (!method.equals(exchange.getRequestMethod())
          || exchange.getRequestHeaders().getFirst("Authorization") == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      sleep(delayMs);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      if (!exchange.getRequestURI().getPath().endsWith("/oauth2/v2.0/token")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      tokenCalls.incrementAndGet();
      java.util.Queue<Long> arrivals = tokenArrivals;
      if (arrivals != null) {
        arrivals.add(System.nanoTime());
      }
      int now = tokenInFlight.incrementAndGet();
      tokenPeakInFlight.accumulateAndGet(now, Math::max);
      try {
        sleep(delayMs + tokenDelayMs);
      } finally {
        tokenInFlight.decrementAndGet();
      }
      byte[] body = tokenBody;
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static final String TENANT_ID = "909c6581-5130-43e9-88f3-fcb3582cde37";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** The token endpoint MSAL4J talks to: a per-user response with id_token and client_info. */
  private void tlsToken(HttpExchange exchange) throws IOException {
    try (exchange) {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!exchange.getRequestURI().getPath().endsWith("/oauth2/v2.0/token")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      tokenCalls.incrementAndGet();
      tlsTokenCalls.incrementAndGet();
      sleep(delayMs + tokenDelayMs);
      Map<String, String> params = new HashMap<>();
      for (String pair : form.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      String user =
          "authorization_code".equals(params.get("grant_type"))
              ? params.getOrDefault("code", "user-0")
              : params.getOrDefault("refresh_token", "0.AXEA.user-0.").split("\\.")[2];
      byte[] body = msalTokenBody(user, tlsTokenLifetimeSeconds);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] msalTokenBody(String user, int lifetimeSeconds) {
    String oid =
        String.format("5f1c7a2e-0c2b-4f4e-9d7e-%012d", Math.abs(user.hashCode()) % 1_000_000_000L);
    long now = System.currentTimeMillis() / 1000;
    String header =
        B64.encodeToString(
            "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"benchmark\"}"
                .getBytes(StandardCharsets.UTF_8));
    String claims =
        B64.encodeToString(
            ("{\"aud\":\""
                    + Clients.CLIENT_ID
                    + "\",\"iss\":\"https://login.microsoftonline.com/"
                    + TENANT_ID
                    + "/v2.0\",\"iat\":"
                    + now
                    + ",\"nbf\":"
                    + now
                    + ",\"exp\":"
                    + (now + 3600)
                    + ",\"name\":\"Benchmark "
                    + user
                    + "\",\"oid\":\""
                    + oid
                    + "\",\"preferred_username\":\""
                    + user
                    + "@contoso.example\",\"sub\":\"sub-"
                    + user
                    + "\",\"tid\":\""
                    + TENANT_ID
                    + "\",\"ver\":\"2.0\"}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] sig = new byte[256];
    new SecureRandom().nextBytes(sig);
    String idToken = header + "." + claims + "." + B64.encodeToString(sig);
    String clientInfo =
        B64.encodeToString(
            ("{\"uid\":\"" + oid + "\",\"utid\":\"" + TENANT_ID + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return ("{\"token_type\":\"Bearer\",\"scope\":\"OnlineMeetings.ReadWrite openid profile\","
            + "\"expires_in\":"
            + lifetimeSeconds
            + ",\"ext_expires_in\":"
            + lifetimeSeconds
            + ",\"access_token\":\""
            + ACCESS_TOKEN
            + "\",\"refresh_token\":\"0.AXEA."
            + user
            + "."
            + "x".repeat(1200)
            + "\",\"id_token\":\""
            + idToken
            + "\",\"client_info\":\""
            + clientInfo
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    while (in.read(buf) >= 0) {
      // discard
    }
  }

  private static void sleep(int ms) {
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    tlsServer.stop(0);
    pool.shutdownNow();
  }
}
