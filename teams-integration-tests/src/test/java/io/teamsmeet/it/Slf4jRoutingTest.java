package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.RetryAfter;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

/**
 * docs/logging.md's SLF4J route, for real: {@code slf4j-jdk-platform-logging} and Logback on the
 * classpath (and nothing else of logging: the execution {@code slf4j-routing} of this module's pom
 * drops slf4j-jdk14 and runs this class alone in its own JVM), Logback configured by the guide's
 * {@code logback.xml} (src/test/resources, checked equal to the guide by GuideExamplesTest), a real
 * connect and meeting creation against the fake Microsoft. The SDK's lines must arrive at Logback
 * under the documented logger names and levels, and none may hold a token, code, verifier, client
 * secret or ciphertext.
 */
@EnabledIfSystemProperty(named = "teams.it.slf4jRouting", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Slf4jRoutingTest {

  /**
   * One event as the backend received it.
   *
   * @param logger the logger's name
   * @param level SLF4J's level: TRACE, DEBUG, INFO, WARN or ERROR
   * @param message the formatted message
   * @param thrown the throwable's whole text (class, message, causes, stack), or empty
   */
  record Line(String logger, String level, String message, String thrown) {

    /** Everything of the line a reader of the log would see. */
    String text() {
      return logger + " " + level + " " + message + (thrown.isEmpty() ? "" : "\n" + thrown);
    }
  }

  private static final String USER = "app-user-slf4j";
  private static final MeetingRequest REQUEST =
      MeetingRequest.of(
          "Logging review", Instant.parse("2031-05-05T09:00:00Z"), Duration.ofMinutes(30));

  private static Rig rig;
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private final KeysetHandle keys = Rig.newKeys();
  private final List<TeamsMeetings> open = new ArrayList<>();

  @BeforeAll
  static void start() {
    Logback.install();
    rig = Rig.start();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @AfterEach
  void cleanUp() {
    open.forEach(TeamsMeetings::close);
    rig.reset();
    Logback.setLevel("io.teamsmeet", "INFO");
    Logback.clear();
  }

  @Test
  @Order(1)
  void systemLoggerReachesLogbackThroughSlf4j() {
    assertThat(System.LoggerFinder.getLoggerFinder().getClass().getName())
        .isEqualTo("org.slf4j.jdk.platform.logging.SLF4JSystemLoggerFinder");
    assertThat(Logback.backend()).isEqualTo("ch.qos.logback.classic.LoggerContext");
    // the guide's logback.xml was read: it is what sets io.teamsmeet to INFO
    assertThat(Logback.configuredLevel("io.teamsmeet")).isEqualTo("INFO");
  }

  @Test
  @Order(2)
  void atTheGuidesLevelsTheInfoAndWarningLinesArrive() {
    Logback.clear();
    TeamsMeetings teams = sdk(rig.sdk(store, keys).tenant("common"));
    rig.connect(teams, USER, Rig.ANA);
    teams.meetings().create(USER, REQUEST);
    rig.fake.revokeGrants(Rig.ANA.userPrincipalName());
    rig.fake.advanceClock(Duration.ofMinutes(61));
    assertThatThrownBy(() -> teams.meetings().create(USER, REQUEST))
        .isInstanceOf(ReauthorizationRequiredException.class);

    assertThat(sdkLines())
        .extracting(Line::logger, Line::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("io.teamsmeet.config", "WARN"),
            org.assertj.core.groups.Tuple.tuple("io.teamsmeet.connect", "INFO"),
            org.assertj.core.groups.Tuple.tuple("io.teamsmeet.tokens", "INFO"));
    assertThat(sdkLines().get(1).message())
        .isEqualTo("user " + USER + " connected a Microsoft account");
    assertThat(sdkLines().get(2).message())
        .isEqualTo(
            "Microsoft rejected the grant of user " + USER + " (INVALID_GRANT); it was removed");
    assertNoSecretIn(sdkLines());
  }

  @Test
  @Order(3)
  void withTheSdkAtDebugEveryTopicArrivesAndNoLineHoldsASecret() {
    Logback.setLevel("io.teamsmeet", "DEBUG");
    TeamsMeetings teams = sdk(rig.sdk(store, keys));
    rig.connect(teams, USER, Rig.ANA);
    rig.fake.graph().throttleNext(1, RetryAfter.seconds(2));
    teams.meetings().create(USER, REQUEST); // a retry
    rig.fake.graph().unauthorizedNext(1);
    rig.fake.tokenEndpoint().omitExpiresInNext(1);
    teams.meetings().create(USER, REQUEST); // 401, one refresh whose answer has no expires_in
    Secrets.ciphertext(store.load(USER));
    TeamsMeetings otherInstance = sdk(rig.sdk(store, keys));
    otherInstance.disconnect(USER);
    rig.fake.advanceClock(Duration.ofSeconds(31)); // past grantCheckInterval
    assertThatThrownBy(() -> teams.meetings().create(USER, REQUEST))
        .isInstanceOf(ReauthorizationRequiredException.class);

    List<Line> lines = sdkLines();
    assertThat(lines.stream().map(l -> l.logger() + " " + l.level()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "io.teamsmeet.connect INFO",
            "io.teamsmeet.feign.http DEBUG",
            "io.teamsmeet.retry DEBUG",
            "io.teamsmeet.meetings DEBUG",
            "io.teamsmeet.feign.identity DEBUG",
            "io.teamsmeet.tokens DEBUG");
    assertThat(lines)
        .filteredOn(l -> l.logger().equals("io.teamsmeet.feign.http"))
        .extracting(Line::message)
        .anySatisfy(m -> assertThat(m).matches("POST .*/oauth2/v2.0/token -> 200 .*"))
        .anySatisfy(m -> assertThat(m).matches("POST .*/v1.0/me/onlineMeetings -> 429 .*"))
        .anySatisfy(m -> assertThat(m).matches("POST .*/v1.0/me/onlineMeetings -> 201 .*"));
    assertThat(lines)
        .extracting(Line::message)
        .contains(
            "Graph call failed (HTTP 429); retry 1 in 2000 ms",
            "Graph rejected the access token of user " + USER + "; refreshing once",
            "the grant of user " + USER + " was removed elsewhere; its token is dropped");
    rig.harvest();
    assertNoSecretIn(lines);
  }

  private TeamsMeetings sdk(TeamsMeetings.Builder builder) {
    TeamsMeetings teams = builder.build();
    open.add(teams);
    return teams;
  }

  /** The lines of the SDK's own loggers, in order. */
  private static List<Line> sdkLines() {
    return Logback.lines().stream().filter(l -> l.logger().startsWith("io.teamsmeet")).toList();
  }

  private static void assertNoSecretIn(List<Line> lines) {
    rig.harvest();
    Set<String> secrets = Secrets.all();
    assertThat(secrets)
        .as("codes, verifiers, tokens and the client secret were collected")
        .hasSizeGreaterThan(3);
    LeakScanner scanner = new LeakScanner(secrets);
    List<String> leaks = new ArrayList<>();
    for (Line line : lines) {
      assertThat(line.message())
          .as("formatted, no placeholder left")
          .doesNotContainPattern("\\{\\d+\\}");
      leaks.addAll(scanner.leaks(line.text(), line.logger()));
    }
    assertThat(leaks).isEmpty();
  }

  /**
   * What Logback, as the application's SLF4J backend, received. Through reflection, so that no
   * class of this module names a Logback type: the other execution of this module runs without
   * Logback, and a {@code -Dtest} pattern there may make JUnit inspect this class (which links it).
   */
  static final class Logback {

    /** Logback's {@code ListAppender<ILoggingEvent>}, attached to the root logger. */
    private static Object capture;

    private Logback() {}

    /** Adds a capturing appender to Logback's root logger, beside what logback.xml set up. */
    static synchronized void install() {
      if (capture != null) {
        return;
      }
      Object context = LoggerFactory.getILoggerFactory();
      Object appender = create("ch.qos.logback.core.read.ListAppender");
      call(appender, "setContext", type("ch.qos.logback.core.Context"), context);
      call(appender, "setName", String.class, "CAPTURE");
      call(appender, "start");
      Object root = call(context, "getLogger", String.class, "ROOT");
      call(root, "addAppender", type("ch.qos.logback.core.Appender"), appender);
      capture = appender;
    }

    /**
     * The class of SLF4J's logger factory: Logback's {@code LoggerContext} when it is the backend.
     */
    static String backend() {
      return LoggerFactory.getILoggerFactory().getClass().getName();
    }

    /** The level Logback's configuration gave a logger, or null if it inherits one. */
    static String configuredLevel(String logger) {
      Object level = call(logger(logger), "getLevel");
      return level == null ? null : level.toString();
    }

    /** Sets a logger's level, as a line in logback.xml would. */
    static void setLevel(String logger, String level) {
      Class<?> levelType = type("ch.qos.logback.classic.Level");
      Object value = call(null, levelType, "toLevel", String.class, level);
      call(logger(logger), "setLevel", levelType, value);
    }

    /** Every event received since the last {@link #clear()}, in order. */
    static synchronized List<Line> lines() {
      List<?> events = events();
      List<Line> lines = new ArrayList<>();
      synchronized (events) {
        for (Object e : events) {
          Object proxy = call(e, "getThrowableProxy");
          lines.add(
              new Line(
                  (String) call(e, "getLoggerName"),
                  call(e, "getLevel").toString(),
                  (String) call(e, "getFormattedMessage"),
                  proxy == null
                      ? ""
                      : (String)
                          call(
                              null,
                              type("ch.qos.logback.classic.spi.ThrowableProxyUtil"),
                              "asString",
                              type("ch.qos.logback.classic.spi.IThrowableProxy"),
                              proxy)));
        }
      }
      return lines;
    }

    static synchronized void clear() {
      List<?> events = events();
      synchronized (events) {
        events.clear();
      }
    }

    private static List<?> events() {
      try {
        return (List<?>) capture.getClass().getField("list").get(capture);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object logger(String name) {
      return call(LoggerFactory.getILoggerFactory(), "getLogger", String.class, name);
    }

    private static Class<?> type(String name) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Logback is not on the classpath", e);
      }
    }

    private static Object create(String type) {
      try {
        return type(type).getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object call(Object target, String method) {
      return call(target, target.getClass(), method, null, null);
    }

    private static Object call(Object target, String method, Class<?> parameter, Object argument) {
      return call(target, target.getClass(), method, parameter, argument);
    }

    private static Object call(
        Object target, Class<?> type, String method, Class<?> parameter, Object argument) {
      try {
        return parameter == null
            ? type.getMethod(method).invoke(target)
            : type.getMethod(method, parameter).invoke(target, argument);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
