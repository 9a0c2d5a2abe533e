package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.zaxxer.hikari.HikariDataSource;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's user id limit ({@link TokenStore#MAX_USER_ID_UTF8_BYTES}: 255 bytes of UTF-8) fits the
 * shipped schemas, and a longer id is refused before the user is sent to Microsoft, on the real
 * databases the build runs (H2 and PostgreSQL through {@link JdbcTokenStore}) and real HTTP to the
 * fake. Without the limit, a 256-character id got through consent and code redemption and then
 * failed at the save, after the single-use code was spent.
 */
class UserIdLimitTest {

  /** Exactly 255 bytes: 63 four-byte emoji and a euro sign (127 UTF-16 units, 64 characters). */
  static final String LONGEST_EMOJI = "😀".repeat(63) + "€";

  /** Exactly 255 bytes: 127 two-byte letters and one ASCII letter. */
  static final String LONGEST_ACCENTS = "é".repeat(127) + "a";

  static final String LONGEST_ASCII = "u".repeat(255);

  static Rig rig;
  static FakeMicrosoft fake;
  static HikariDataSource postgres;
  static KeysetHandle keys = Rig.newKeys();

  @BeforeAll
  static void start() {
    rig = Rig.start();
    fake = rig.fake;
    postgres = Postgres.pool("user-id-limit", 2);
  }

  @AfterAll
  static void stop() {
    postgres.close();
    rig.close();
  }

  @AfterEach
  void reset() {
    rig.reset();
  }

  /** Runs {@code check} with an SDK on H2, then on PostgreSQL, each in a table of its own. */
  private void onEachDatabase(Consumer<JdbcTokenStore> check) {
    try (FlakyDatabase h2 = new FlakyDatabase()) {
      check.accept(h2.store());
    }
    check.accept(
        JdbcTokenStore.builder(postgres)
            .tableName("ids_" + UUID.randomUUID().toString().replace("-", ""))
            .createTableIfMissing(true)
            .build());
  }

  @Test
  void theLongestIdsConnectAreStoredAndCreateMeetingsOnH2AndPostgresql() {
    onEachDatabase(
        store -> {
          try (TeamsMeetings teams = rig.sdk(store, keys).build()) {
            for (String id : List.of(LONGEST_EMOJI, LONGEST_ACCENTS, LONGEST_ASCII)) {
              assertThat(id.getBytes(StandardCharsets.UTF_8)).hasSize(255);

              assertThat(rig.connect(teams, id, Rig.ANA).userId()).isEqualTo(id);
              assertThat(store.load(id))
                  .hasValueSatisfying(g -> assertThat(g.userId()).isEqualTo(id));
              assertThat(teams.status(id).isConnected()).isTrue();
              teams
                  .meetings()
                  .create(
                      id,
                      MeetingRequest.of(
                          "Review", Instant.parse("2031-03-03T15:00:00Z"), Duration.ofMinutes(30)));
            }
          }
        });
  }

  @Test
  void aLongerIdIsRefusedBeforeMicrosoftIsAskedWhileTheDatabaseWouldHaveRefusedItAfter() {
    String tooLong = "u".repeat(256);
    onEachDatabase(
        store -> {
          try (TeamsMeetings teams = rig.sdk(store, keys).build()) {
            for (String id : List.of(tooLong, LONGEST_EMOJI + "a", LONGEST_ACCENTS + "é")) {
              assertThatThrownBy(() -> teams.beginConnect(id))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageStartingWith("userId must be at most 255 bytes in UTF-8");
            }
            assertThat(fake.journal().authorizeRequests()).isEmpty();
            assertThat(fake.journal().tokenRequests()).isEmpty();
          }
          // why it matters: the store (for its VARCHAR(255) column) refuses it at the save, which
          // comes after the single-use code was spent
          assertThatThrownBy(
                  () ->
                      store.save(
                          new StoredGrant(tooLong, 1, new byte[] {1, 2, 3}, Instant.now()),
                          TokenStore.ABSENT))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("at most 255 characters");
        });
  }
}
