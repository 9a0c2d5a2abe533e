package io.teamsmeet.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsListener;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration in application contexts, against the testkit's fake Microsoft. */
class TeamsAutoConfigurationTest {

  private static final String USER = "app-user-ana";
  private static FakeMicrosoft fake;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TeamsAutoConfiguration.class));

  @BeforeAll
  static void startFake() {
    fake = FakeMicrosoft.start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @AfterEach
  void resetFake() {
    fake.reset();
  }

  private ApplicationContextRunner onTheFake() {
    return runner.withPropertyValues(FakeApp.properties(fake));
  }

  private static void connectAndCreate(TeamsMeetings teams) {
    teams.completeConnect(USER, FakeApp.signIn(teams.beginConnect(USER)));
    assertThat(teams.meetings().create(USER, MeetingRequest.of("Spring review")).joinUrl())
        .isNotNull();
  }

  @Test
  void runsOnTheSpringBootVersionThisModuleIsFor() {
    // teams-spring-boot-starter runs these tests on Boot 4.0, teams-spring-boot3-tests on 3.5
    String expected = System.getProperty("expected.spring-boot.version");
    if (expected != null) {
      assertThat(org.springframework.boot.SpringBootVersion.getVersion()).isEqualTo(expected);
    }
  }

  @Test
  void aDataSourceAndFourPropertiesGiveAWorkingSdkOnAJdbcStore() {
    DataSource db = FakeApp.database();
    onTheFake()
        .withBean(DataSource.class, () -> db)
        .run(
            context -> {
              assertThat(context).hasSingleBean(TeamsMeetings.class);
              assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
              connectAndCreate(context.getBean(TeamsMeetings.class));
              try (Connection c = db.getConnection();
                  ResultSet rows =
                      c.createStatement().executeQuery("select count(*) from teams_tokens")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
              }
            });
  }

  @Test
  void theTableNameIsAProperty() {
    DataSource db = FakeApp.database();
    onTheFake()
        .withPropertyValues("teams.store.table-name=app_teams_tokens")
        .withBean(DataSource.class, () -> db)
        .run(
            context -> {
              connectAndCreate(context.getBean(TeamsMeetings.class));
              try (Connection c = db.getConnection();
                  ResultSet rows =
                      c.createStatement().executeQuery("select count(*) from app_teams_tokens")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
              }
            });
  }

  @Test
  void aTokenStoreBeanWinsOverTheDataSource() {
    InMemoryTokenStore mine = new InMemoryTokenStore();
    onTheFake()
        .withBean(DataSource.class, FakeApp::database)
        .withBean(TokenStore.class, () -> mine)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(JdbcTokenStore.class);
              connectAndCreate(context.getBean(TeamsMeetings.class));
              assertThat(mine.load(USER)).isPresent();
            });
  }

  @Test
  void withoutADataSourceOrATokenStoreTheStartFailsSayingWhatToAdd() {
    onTheFake()
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs a token store")
                    .hasMessageContaining("DataSource")
                    .hasMessageContaining("io.teamsmeet.store.TokenStore"));
  }

  @Test
  void twoTokenStoresWithoutAPrimaryAreReported() {
    onTheFake()
        .withBean("one", TokenStore.class, InMemoryTokenStore::new)
        .withBean("two", TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("several TokenStore beans")
                    .hasMessageContaining("@Primary"));
  }

  @Test
  void withoutKeysTheStartFailsSayingWhatToSet() {
    runner
        .withPropertyValues(
            "teams.client-id=" + FakeMicrosoft.DEFAULT_CLIENT_ID,
            "teams.redirect-uri=" + FakeMicrosoft.DEFAULT_REDIRECT_URI)
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("teams.keys.keyset")
                    .hasMessageContaining("Aead"));
  }

  @Test
  void aMissingClientIdIsNamed() {
    runner
        .withPropertyValues("teams.keys.keyset=" + FakeApp.json(FakeApp.newKeyset()))
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("teams.client-id is required"));
  }

  @Test
  void badValuesFailTheBindingNamingTheProperty() {
    onTheFake()
        .withPropertyValues("teams.call-timeout=0s")
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("teams.call-timeout must be positive"));
    onTheFake()
        .withPropertyValues(
            "teams.client-secret=s3cr3t-value", "teams.certificate.private-key=classpath:x.pem")
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("teams.certificate.private-key and")
                    .hasMessageNotContaining("s3cr3t-value"));
  }

  @Test
  void aKeysetThatCannotBeReadIsReportedWithoutItsValue() {
    onTheFake()
        .withPropertyValues("teams.keys.keyset=not-a-keyset-c2VjcmV0")
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cannot be read as a Tink keyset")
                    .hasMessageNotContaining("c2VjcmV0"));
  }

  @Test
  void theKeysetComesFromAResource(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keyset.json");
    Files.writeString(file, FakeApp.json(FakeApp.newKeyset()));
    onTheFake()
        .withPropertyValues("teams.keys.keyset=", "teams.keys.keyset-resource=file:" + file)
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(context -> connectAndCreate(context.getBean(TeamsMeetings.class)));
  }

  @Test
  void anAeadBeanSealsTheTokens() throws Exception {
    Aead keys = FakeApp.newKeyset().getPrimitive(RegistryConfiguration.get(), Aead.class);
    java.util.concurrent.atomic.AtomicInteger sealed =
        new java.util.concurrent.atomic.AtomicInteger();
    Aead counting =
        new Aead() {
          @Override
          public byte[] encrypt(byte[] plaintext, byte[] associatedData)
              throws java.security.GeneralSecurityException {
            sealed.incrementAndGet();
            return keys.encrypt(plaintext, associatedData);
          }

          @Override
          public byte[] decrypt(byte[] ciphertext, byte[] associatedData)
              throws java.security.GeneralSecurityException {
            return keys.decrypt(ciphertext, associatedData);
          }
        };
    onTheFake()
        .withPropertyValues("teams.keys.keyset=")
        .withBean(Aead.class, () -> counting)
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context -> {
              connectAndCreate(context.getBean(TeamsMeetings.class));
              assertThat(sealed.get()).isGreaterThanOrEqualTo(2); // the state and the grant
            });
  }

  @Test
  void aTeamsMeetingsBeanOfTheApplicationWins() {
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .withBean(
            "mine",
            TeamsMeetings.class,
            () ->
                TeamsMeetings.builder()
                    .clientId(FakeMicrosoft.DEFAULT_CLIENT_ID)
                    .redirectUri(FakeMicrosoft.DEFAULT_REDIRECT_URI)
                    .tokenStore(new InMemoryTokenStore())
                    .tokenKeys(FakeApp.newKeyset())
                    .build())
        .run(
            context -> {
              assertThat(context).hasSingleBean(TeamsMeetings.class);
              assertThat(context).hasBean("mine").doesNotHaveBean("teamsMeetings");
            });
  }

  @Test
  void theSdkIsClosedWithTheContext() {
    TeamsMeetings[] seen = new TeamsMeetings[1];
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(context -> seen[0] = context.getBean(TeamsMeetings.class));
    assertThatThrownBy(() -> seen[0].accessToken(USER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void listenerAndCustomizerBeansAreApplied() {
    List<String> events = new CopyOnWriteArrayList<>();
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .withBean(
            TeamsListener.class,
            () ->
                new TeamsListener() {
                  @Override
                  public void connectCompleted(String userId) {
                    events.add("connected " + userId);
                  }
                })
        .withBean(TeamsMeetingsCustomizer.class, () -> b -> b.clock(fake.clock()))
        .run(
            context -> {
              TeamsMeetings teams = context.getBean(TeamsMeetings.class);
              connectAndCreate(teams);
              assertThat(events).containsExactly("connected " + USER);
              // on the fake's clock (the customizer): two hours later the token is refreshed
              fake.advanceClock(Duration.ofHours(2));
              teams.meetings().create(USER, MeetingRequest.of("After the refresh"));
              assertThat(fake.refreshCount()).isEqualTo(1);
            });
  }

  @Test
  void micrometerMetersCountWhatHappensWithoutUserIds() {
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(TeamsMeetingsCustomizer.class, () -> b -> b.clock(fake.clock()))
        .run(
            context -> {
              assertThat(context).hasSingleBean(MicrometerTeamsListener.class);
              TeamsMeetings teams = context.getBean(TeamsMeetings.class);
              connectAndCreate(teams);
              fake.advanceClock(Duration.ofHours(2));
              fake.graph().throttleNext(1, io.teamsmeet.testkit.RetryAfter.seconds(0));
              teams.meetings().create(USER, MeetingRequest.of("Throttled once"));
              teams.disconnect(USER);

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.get("teams.connect").tag("outcome", "completed").counter().count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("teams.token.refresh")
                          .tags("trigger", "call", "outcome", "success")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("teams.retries")
                          .tags("operation", "graph_call", "reason", "throttled")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("teams.grants.deleted")
                          .tag("reason", "disconnected")
                          .counter()
                          .count())
                  .isEqualTo(1);
              for (Meter meter : meters.getMeters()) {
                for (Tag tag : meter.getId().getTags()) {
                  assertThat(tag.getValue()).doesNotContain(USER);
                }
              }
            });
  }

  @Test
  void theHealthIndicatorReportsTheStoreAndTheKeys() {
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context -> {
              Object indicator = context.getBean("teamsHealthIndicator");
              assertThat(status(indicator)).isEqualTo("UP");
              assertThat(details(indicator))
                  .containsEntry("keys", "loaded")
                  .containsEntry("storeReachable", true);
            });
    onTheFake()
        .withBean(TokenStore.class, BrokenStore::new)
        .run(
            context -> {
              Object indicator = context.getBean("teamsHealthIndicator");
              assertThat(status(indicator)).isEqualTo("DOWN");
              assertThat(details(indicator))
                  .containsEntry("storeReachable", false)
                  .containsEntry("error", IllegalStateException.class.getName());
            });
    onTheFake()
        .withPropertyValues("management.health.teams.enabled=false")
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(context -> assertThat(context).doesNotHaveBean("teamsHealthIndicator"));
  }

  /** Status and details through reflection: the indicator's types differ in Boot 3 and 4. */
  private static String status(Object indicator) throws Exception {
    Object health = health(indicator);
    Object status = health.getClass().getMethod("getStatus").invoke(health);
    return (String) status.getClass().getMethod("getCode").invoke(status);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Object indicator) throws Exception {
    Object health = health(indicator);
    return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
  }

  private static Object health(Object indicator) throws Exception {
    Method method = indicator.getClass().getMethod("health");
    method.setAccessible(true);
    return method.invoke(indicator);
  }

  @Test
  void theEndpointsAreOffByDefault() {
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(context -> assertThat(context).doesNotHaveBean(TeamsUserIdResolver.class));
  }

  @Test
  void theStatusOfAFreshUserIsNotConnected() {
    onTheFake()
        .withBean(TokenStore.class, InMemoryTokenStore::new)
        .run(
            context ->
                assertThat(context.getBean(TeamsMeetings.class).status(USER).state())
                    .isEqualTo(ConnectionStatus.State.NOT_CONNECTED));
  }

  /** A store whose database is down. */
  static final class BrokenStore implements TokenStore {
    @Override
    public Optional<StoredGrant> load(String userId) {
      throw new IllegalStateException("database down");
    }

    @Override
    public boolean save(StoredGrant grant, long expectedVersion) {
      throw new IllegalStateException("database down");
    }

    @Override
    public boolean delete(String userId, long expectedVersion) {
      throw new IllegalStateException("database down");
    }
  }
}
