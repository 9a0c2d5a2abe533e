package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.Connection;
import io.teamsmeet.EventRequest;
import io.teamsmeet.Invitee;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.Invitation;
import io.teamsmeet.testkit.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code teams demo}: the three steps of the SDK as a user sees them, against the testkit's fake
 * Microsoft on this machine and an H2 file database; no network, no account, no configuration. With
 * {@code --json}, one object with what each step produced. Its temporary database is removed at the
 * end and on Ctrl-C (a shutdown hook closes the database first, and what the steps then fail with
 * is not reported: the program was interrupted).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show the whole flow against a fake Microsoft on this machine (no network or account needed).",
      "The sign-in URL, the redirect back, the connection (stored encrypted), a meeting, a"
          + " calendar event with one invited attendee, and the automatic token refresh an hour"
          + " later.",
    })
final class DemoCommand implements Callable<Integer> {

  static final String USER = "demo-user";
  static final FakeAccount ACCOUNT = FakeAccount.of("ana@contoso.com", "Ana Souza");
  private static final URI REDIRECT = URI.create("http://127.0.0.1/callback");
  private static final String I = "   ";
  static final String INVITEE = "bob@contoso.com";
  private static final ZoneId DEMO_ZONE = ZoneId.of("Europe/Berlin");

  private final CliContext context;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keep the demo's H2 database here (default: a temporary directory removed at the end,"
              + " or when interrupted).")
  Path dataDir;

  @Option(
      names = "--json",
      description =
          "Print one JSON object with what each step produced (errors too, on stderr) for"
              + " scripts.")
  boolean json;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  /** The demo's fake Microsoft, database and SDK: closed once, by the demo or by Ctrl-C. */
  private static final class Resources {
    FakeMicrosoft fake;
    LocalStore store;
    TeamsMeetings teams;
    private boolean closed;

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (teams != null) {
        teams.close();
      }
      if (store != null) {
        store.close();
      }
      if (fake != null) {
        fake.close();
      }
    }
  }

  @Override
  public Integer call() {
    Path dir;
    boolean temporary = dataDir == null;
    try {
      dir = temporary ? Files.createTempDirectory("teams-demo-") : dataDir.toAbsolutePath();
      OwnerOnly.createDirectory(dir);
    } catch (IOException e) {
      throw CliException.storage(
          "cannot create the demo's data directory: " + e.getClass().getSimpleName(), e);
    }
    Resources resources = new Resources();
    AtomicBoolean interrupted = new AtomicBoolean();
    // Ctrl-C: no store error from the steps that were cut short, and no database left behind
    Runnable unregister =
        context
            .shutdownHooks()
            .register(
                () -> {
                  interrupted.set(true);
                  Logging.silence();
                  resources.close();
                  if (temporary) {
                    deleteRecursively(dir);
                  }
                  context
                      .err()
                      .println(
                          "teams: demo interrupted"
                              + (temporary ? "; its temporary database was removed" : ""));
                  context.err().flush();
                });
    try {
      resources.fake =
          FakeMicrosoft.builder()
              .app(FakeMicrosoft.DEFAULT_CLIENT_ID, REDIRECT)
              .account(ACCOUNT)
              .start();
      resources.store = LocalStore.open(dir, false);
      resources.teams =
          TeamsMeetings.builder()
              .clientId(FakeMicrosoft.DEFAULT_CLIENT_ID)
              .redirectUri(REDIRECT)
              .identityEndpoint(resources.fake.identityBaseUri())
              .graphEndpoint(resources.fake.graphBaseUri())
              .clock(resources.fake.clock())
              .tokenStore(resources.store.tokens())
              .tokenKeys(Keys.generate())
              .scopes(Workspace.WITH_EVENTS)
              .build();
      if (interrupted.get()) {
        return Exit.INTERRUPTED;
      }
      return run(resources.fake, resources.store, resources.teams) ? Exit.OK : Exit.INTERNAL;
    } catch (RuntimeException e) {
      if (interrupted.get()) {
        return Exit.INTERRUPTED; // the hook said so; what failed was cut short by it
      }
      throw e;
    } finally {
      unregister.run();
      resources.close();
      if (temporary) {
        deleteRecursively(dir);
      }
    }
  }

  private boolean run(FakeMicrosoft fake, LocalStore store, TeamsMeetings teams) {
    // with --json, stdout carries only the one object at the end
    PrintStream out = json ? new PrintStream(OutputStream.nullOutputStream()) : context.out();
    ObjectNode result = Json.object();
    out.println(
        "teams-meetings demo: the three steps against a fake Microsoft on this machine (no network)");
    out.println(
        I + "fake Microsoft  " + origin(fake.identityBaseUri()) + " (identity platform and Graph)");
    out.println(
        I + "work account    " + ACCOUNT.userPrincipalName() + " (" + ACCOUNT.displayName() + ")");
    out.println(
        I
            + "token store     H2 database "
            + store.file()
            + (dataDir == null ? " (removed at the end)" : ""));
    out.println(I + "app user        " + USER);
    out.println();
    result.put("fakeMicrosoft", origin(fake.identityBaseUri()));
    result.put("account", ACCOUNT.userPrincipalName());
    result.put("user", USER);
    result.put("tokenStore", store.file().toString());
    result.put("tokenStoreRemoved", dataDir == null);

    // 1. Begin: the URL to send the user's browser to.
    URI authorize = teams.beginConnect(USER);
    out.println("1. Connect: the app sends the user's browser to Microsoft's sign-in page");
    out.println(I + Redact.url(authorize.toString()));
    out.println(
        I + "(state is the sealed PKCE verifier, shortened here; code_challenge is its S256 hash)");
    URI callback = followSignIn(authorize);
    out.println(
        I
            + ACCOUNT.userPrincipalName()
            + " signs in and consents; Microsoft redirects the browser back to");
    out.println(I + Redact.url(callback.toString()));
    out.println();
    ObjectNode connect = result.putObject("connect");
    connect.put("authorizeUrl", Redact.url(authorize.toString()));
    connect.put("callbackUrl", Redact.url(callback.toString()));

    // 2. Complete: redeem the code, store the grant sealed.
    Connection connection = teams.completeConnect(USER, callback);
    out.println(
        "2. Complete: the app redeems the code with the verifier from the state and stores the grant");
    Human.line(out, I, "connected", connection.accountName().orElse("-"));
    Human.line(out, I, "tenant", connection.tenantId().orElse("-"));
    Human.line(out, I, "scopes", String.join(" ", new TreeSet<>(connection.scopes())));
    LocalStore.Row first =
        store.readRow(USER).orElseThrow(() -> CliException.internal("no stored row", null));
    boolean accountHidden = absent(first.ciphertext(), ACCOUNT.userPrincipalName());
    out.println(
        I
            + "stored row, read with plain JDBC: version "
            + first.version()
            + ", "
            + first.ciphertext().length
            + " bytes of Tink AES-256-GCM ciphertext");
    out.println(
        I
            + "\""
            + ACCOUNT.userPrincipalName()
            + "\" appears in the bytes: "
            + (accountHidden ? "no" : "YES"));
    out.println();
    result.set("connection", Json.connection(connection));
    result
        .putObject("storedRow")
        .put("version", first.version())
        .put("bytes", first.ciphertext().length)
        .put("accountInBytes", !accountHidden);

    // 3. Create a meeting.
    Instant start = fake.clock().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    Meeting meeting =
        teams
            .meetings()
            .create(USER, MeetingRequest.of("Design review", start, Duration.ofMinutes(30)));
    out.println("3. Create a meeting (one Graph call: the access token from step 2 is cached)");
    Human.meeting(out, I, meeting);
    out.println();
    result.set("meeting", Json.meeting(meeting));

    // 4. A calendar event: in the organizer's Outlook calendar, with an invitation for Bob.
    ZonedDateTime eventStart = start.plus(Duration.ofHours(2)).atZone(DEMO_ZONE);
    CalendarEvent event =
        teams
            .events()
            .create(
                USER,
                EventRequest.builder("Planning", eventStart, Duration.ofMinutes(30))
                    .invite(Invitee.required(INVITEE))
                    .bodyText("Agenda: next quarter")
                    .build());
    List<String> invited = new ArrayList<>();
    for (Invitation i : fake.invitations()) {
      if (i.eventId().equals(event.id()) && i.kind() == Invitation.Kind.INVITATION) {
        invited.add(i.attendee());
      }
    }
    out.println("4. Create a calendar event with a Teams meeting (Outlook sends the invitations)");
    EventCommand.human(out, I, event);
    Human.line(
        out, I, "invitation sent", invited.isEmpty() ? "- (none)" : String.join(", ", invited));
    out.println();
    ObjectNode eventNode = EventCommand.json(event);
    eventNode.set("invitationsSent", Json.strings(invited));
    result.set("event", eventNode);

    // 5. An hour later the access token has expired: the SDK refreshes it by itself.
    fake.advanceClock(Duration.ofMinutes(61));
    Meeting second =
        teams
            .meetings()
            .create(
                USER,
                MeetingRequest.of(
                    "Design review, part 2",
                    fake.clock().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS),
                    Duration.ofMinutes(45)));
    int refreshes = fake.refreshCount();
    LocalStore.Row secondRow =
        store.readRow(USER).orElseThrow(() -> CliException.internal("no stored row", null));
    List<String> sentRefreshTokens = new ArrayList<>();
    for (RecordedRequest r : fake.journal().tokenRequests("refresh_token")) {
      r.formParam("refresh_token").ifPresent(sentRefreshTokens::add);
    }
    boolean refreshTokenHidden =
        !sentRefreshTokens.isEmpty()
            && sentRefreshTokens.stream()
                .allMatch(t -> absent(first.ciphertext(), t) && absent(secondRow.ciphertext(), t));
    out.println(
        "5. 61 minutes later the access token has expired; the app creates another meeting");
    Human.line(out, I, "subject", second.subject().orElse("-"));
    Human.line(out, I, "join URL", second.joinUrl().toString());
    Human.line(
        out,
        I,
        "token refreshes",
        refreshes + " (the SDK refreshed the access token by itself, once)");
    out.println(
        I
            + "the rotated refresh token was sealed and stored first: version "
            + secondRow.version()
            + ", "
            + secondRow.ciphertext().length
            + " bytes");
    out.println(
        I
            + "the refresh token appears in the stored bytes: "
            + (refreshTokenHidden ? "no" : "YES"));
    out.println();
    ObjectNode later = result.putObject("afterTokenExpiry");
    later.set("meeting", Json.meeting(second));
    later.put("tokenRefreshes", refreshes);
    later
        .putObject("storedRow")
        .put("version", secondRow.version())
        .put("bytes", secondRow.ciphertext().length)
        .put("refreshTokenInBytes", !refreshTokenHidden);

    boolean ok =
        accountHidden && refreshTokenHidden && refreshes == 1 && invited.equals(List.of(INVITEE));
    result.put("ok", ok);
    if (json) {
      context.out().println(Json.write(result));
    }
    if (ok) {
      out.println(
          "Done. To use your own Microsoft app: teams connect --client-id <id> (see teams connect --help).");
    } else {
      Failures.print(
          Failures.classify(
              CliException.internal("the demo did not behave as expected (see above)", null)),
          json,
          context.err());
    }
    return ok;
  }

  /** What a browser does: GET the authorize URL; the fake answers with a 302 back to the app. */
  private static URI followSignIn(URI authorize) {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      Optional<String> location = response.headers().firstValue("Location");
      if (response.statusCode() != 302 || location.isEmpty()) {
        throw CliException.internal(
            "the fake's sign-in answered " + response.statusCode() + " without a redirect", null);
      }
      return URI.create(location.get());
    } catch (IOException e) {
      throw CliException.internal(
          "cannot reach the fake Microsoft: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.internal("interrupted", e);
    }
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** Whether {@code text} appears in {@code bytes} neither as UTF-8 nor Base64-encoded. */
  static boolean absent(byte[] bytes, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    List<byte[]> forms =
        List.of(
            utf8,
            Base64.getEncoder().encode(utf8),
            Base64.getUrlEncoder().withoutPadding().encode(utf8));
    return forms.stream().noneMatch(form -> indexOf(bytes, form) >= 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void deleteRecursively(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // A temporary directory; the OS cleans it eventually.
    }
  }
}
