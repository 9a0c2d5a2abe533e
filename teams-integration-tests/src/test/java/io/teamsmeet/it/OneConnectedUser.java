package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The starting point of the fault matrix: Ana is connected through the public entry point (a real
 * redirect, code exchange and sealed grant in a real H2 row) and has created one meeting with the
 * access token of the connect. Each test then breaks one thing and checks the outcome and the
 * stored row.
 */
abstract class OneConnectedUser {

  static final String USER = "app-user-ana";
  static final MeetingRequest REQUEST =
      MeetingRequest.of(
          "Quarterly review",
          java.time.Instant.parse("2031-03-03T15:00:00Z"),
          Duration.ofMinutes(30));

  static Rig rig;
  static FakeMicrosoft fake;

  FlakyDatabase db;
  JdbcTokenStore store;
  KeysetHandle keys;
  TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start();
    fake = rig.fake;
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void connectAna() {
    db = new FlakyDatabase();
    store = db.store();
    keys = Rig.newKeys();
    teams = sdk(this::configure);
    rig.connect(teams, USER, Rig.ANA);
    teams.meetings().create(USER, REQUEST);
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(1);
  }

  /** Settings of {@link #teams} beyond {@link Rig#sdk}'s, for a test class to override. */
  void configure(TeamsMeetings.Builder builder) {}

  /** Another instance of the application (its own caches), on the same database and keys. */
  TeamsMeetings sdk(Consumer<TeamsMeetings.Builder> customize) {
    TeamsMeetings.Builder builder = rig.sdk(store, keys);
    customize.accept(builder);
    return builder.build();
  }

  @AfterEach
  void cleanUp() {
    Secrets.ciphertext(store.load(USER));
    teams.close();
    db.close();
    rig.reset();
  }

  StoredGrant stored() {
    StoredGrant grant = store.load(USER).orElseThrow();
    Secrets.ciphertext(grant.ciphertext());
    return grant;
  }

  /** Moves the fake's (and so the SDK's) clock past the access token's expiry. */
  static void expireAccessToken() {
    fake.advanceClock(Duration.ofMinutes(61));
  }

  Meeting create() {
    return teams.meetings().create(USER, REQUEST);
  }

  int meetings() {
    return fake.meetings(Rig.ANA.userPrincipalName()).size();
  }

  static List<String> presentedRefreshTokens() {
    return fake.journal().tokenRequests("refresh_token").stream()
        .map(r -> r.formParam("refresh_token").orElseThrow())
        .toList();
  }

  static RecordedRequest lastRefresh() {
    List<RecordedRequest> refreshes = fake.journal().tokenRequests("refresh_token");
    return refreshes.get(refreshes.size() - 1);
  }

  /** The row is exactly what it was: same version, same bytes, same time. */
  void assertUnchanged(StoredGrant before) {
    assertThat(store.load(USER)).as("the stored grant, byte for byte").contains(before);
  }

  /**
   * The row was properly rotated: a new version holding a new refresh token, which is the one the
   * next refresh presents, and which the fake accepts.
   */
  void assertRotated(StoredGrant before) {
    StoredGrant after = stored();
    assertThat(after.version()).isNotEqualTo(before.version());
    assertThat(after.ciphertext()).isNotEqualTo(before.ciphertext());
    String oldToken = GrantPeek.refreshToken(keys, before);
    String newToken = GrantPeek.refreshToken(keys, after);
    assertThat(newToken).isNotEqualTo(oldToken);
    assertThat(presentedRefreshTokens())
        .as("the new token was never presented yet")
        .doesNotContain(newToken);
    expireAccessToken();
    create();
    assertThat(lastRefresh().formParam("refresh_token")).contains(newToken);
    assertThat(lastRefresh().status()).isEqualTo(200);
  }

  /** After a failure: faults gone, the next call succeeds and rotates the untouched grant. */
  void assertRecovers(StoredGrant before) {
    int meetings = meetings();
    create();
    assertThat(meetings()).isEqualTo(meetings + 1);
    assertThat(lastRefresh().formParam("refresh_token"))
        .as("the recovery refreshed with the stored token")
        .contains(GrantPeek.refreshToken(keys, before));
    assertRotated(before);
  }
}
