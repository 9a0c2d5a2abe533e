package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.Connection;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * RFC 9700 §4.7 (CSRF) and §4.2.4 (authorization code injection and replay), through the public
 * entry point against real redirects: the {@code state} is sealed by the SDK, so it cannot be
 * forged or altered, it expires, it is single use on an instance, and it only completes the
 * connection of the application user it was issued to. A refused callback sends nothing to the
 * token endpoint and stores nothing. A callback with {@code error=} needs the same valid state (or
 * any page could make a user see "access denied"), and uses it up like a code does.
 */
class ConnectStateTest extends SecurityFixture {

  private static final String USER = "state-user-ana";

  private URI callbackFor(String user) {
    fake.nextSignIn(Rig.ANA.userPrincipalName());
    return Rig.signIn(teams.beginConnect(user));
  }

  private Reason refused(TeamsMeetings instance, String user, URI callback) {
    InvalidAuthorizationResponseException e =
        catchThrowableOfType(
            () -> instance.completeConnect(user, callback),
            InvalidAuthorizationResponseException.class);
    Secrets.thrown(e);
    return e.reason();
  }

  private void assertNothingExchangedOrStored(String user) {
    assertThat(fake.journal().codeRedemptionCount())
        .as("no code was sent to the token endpoint")
        .isZero();
    assertThat(store.load(user)).isEmpty();
  }

  @Test
  void aRandomStateIsRefused() {
    URI forged = withParam(callbackFor(USER), "state", Rig.random(160));

    assertThat(refused(teams, USER, forged)).isEqualTo(Reason.STATE_ALTERED);
    assertNothingExchangedOrStored(USER);
  }

  @Test
  void anAlteredStateIsRefusedWhicheverCharacterChanges() {
    URI callback = callbackFor(USER);
    String state = query(callback).get("state");
    for (int at : new int[] {0, 5, state.length() / 2, state.length() - 2}) {
      char[] chars = state.toCharArray();
      chars[at] = chars[at] == 'A' ? 'B' : 'A';
      assertThat(refused(teams, USER, withParam(callback, "state", new String(chars))))
          .isEqualTo(Reason.STATE_ALTERED);
    }
    assertThat(refused(teams, USER, withParam(callback, "state", state + "AA")))
        .isEqualTo(Reason.STATE_ALTERED);
    assertThat(refused(teams, USER, withParam(callback, "state", state.substring(1))))
        .isEqualTo(Reason.STATE_ALTERED);
    assertNothingExchangedOrStored(USER);
    assertThat(teams.completeConnect(USER, callback).userId())
        .as("the intact one still works")
        .isEqualTo(USER);
  }

  @Test
  void aStateSealedWithOtherKeysIsRefused() {
    try (TeamsMeetings otherApp = rig.sdk(store, Rig.newKeys()).build()) {
      fake.nextSignIn(Rig.ANA.userPrincipalName());
      URI theirs = Rig.signIn(otherApp.beginConnect(USER));

      assertThat(refused(teams, USER, theirs)).isEqualTo(Reason.STATE_ALTERED);
      assertNothingExchangedOrStored(USER);
    }
  }

  @Test
  void aSealedGrantCannotBePassedOffAsAState() {
    rig.connect(teams, "someone-else", Rig.BOB);
    StoredGrant grant = store.load("someone-else").orElseThrow();
    Secrets.ciphertext(grant.ciphertext());
    String asState = Base64.getUrlEncoder().withoutPadding().encodeToString(grant.ciphertext());

    assertThat(
            refused(
                teams, "someone-else", withParam(callbackFor("someone-else"), "state", asState)))
        .as("purpose-bound associated data")
        .isEqualTo(Reason.STATE_ALTERED);
  }

  @Test
  void aCallbackWithoutStateIsRefused() {
    assertThat(refused(teams, USER, withParam(callbackFor(USER), "state", null)))
        .isEqualTo(Reason.MISSING_STATE);
    assertNothingExchangedOrStored(USER);
  }

  @Test
  void aStateExpiresAfterTheConfiguredLifetime() {
    URI tooLate = callbackFor(USER);
    fake.advanceClock(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(refused(teams, USER, tooLate)).isEqualTo(Reason.STATE_EXPIRED);
    assertNothingExchangedOrStored(USER);

    try (TeamsMeetings shortLived =
        rig.sdk(store, keys).stateLifetime(Duration.ofMinutes(2)).build()) {
      fake.nextSignIn(Rig.ANA.userPrincipalName());
      URI callback = Rig.signIn(shortLived.beginConnect(USER));
      fake.advanceClock(Duration.ofMinutes(3));
      assertThat(refused(shortLived, USER, callback)).isEqualTo(Reason.STATE_EXPIRED);

      fake.nextSignIn(Rig.ANA.userPrincipalName());
      URI inTime = Rig.signIn(shortLived.beginConnect(USER));
      fake.advanceClock(Duration.ofMinutes(1));
      assertThat(shortLived.completeConnect(USER, inTime).userId()).isEqualTo(USER);
    }
  }

  @Test
  void aStateIsSingleUseOnAnInstance() {
    URI callback = callbackFor(USER);
    teams.completeConnect(USER, callback);
    StoredGrant first = store.load(USER).orElseThrow();

    assertThat(refused(teams, USER, callback)).isEqualTo(Reason.STATE_REPLAYED);
    assertThat(fake.journal().codeRedemptionCount()).isEqualTo(1);
    assertThat(store.load(USER)).contains(first);
  }

  @Test
  void aReplayOnAnotherInstanceIsStoppedByTheSingleUseCodeAndKeepsTheGrant() {
    URI callback = callbackFor(USER);
    teams.completeConnect(USER, callback);
    StoredGrant first = store.load(USER).orElseThrow();

    try (TeamsMeetings otherInstance = rig.sdk(store, keys).build()) {
      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> otherInstance.completeConnect(USER, callback),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.details().aadsts()).contains(54005L);
      assertThat(store.load(USER)).as("the real connection is untouched").contains(first);
    }
  }

  @Test
  void aStateOnlyCompletesTheConnectionOfTheUserItWasIssuedTo() {
    URI anasCallback = callbackFor(USER);

    assertThat(refused(teams, "state-user-mallory", anasCallback))
        .isEqualTo(Reason.STATE_FOR_ANOTHER_USER);
    assertNothingExchangedOrStored("state-user-mallory");

    Connection connection = teams.completeConnect(USER, anasCallback);
    assertThat(connection.userId()).isEqualTo(USER);
    assertThat(store.load("state-user-mallory")).isEmpty();
  }

  @Test
  void aStateFromAnInstanceWhoseClockIsFarAheadIsRefusedRatherThanLivingLonger() {
    try (TeamsMeetings ahead =
            rig.sdk(store, keys).clock(Clock.offset(fake.clock(), Duration.ofMinutes(10))).build();
        TeamsMeetings slightlyAhead =
            rig.sdk(store, keys).clock(Clock.offset(fake.clock(), Duration.ofMinutes(3))).build()) {
      fake.nextSignIn(Rig.ANA.userPrincipalName());
      URI fromTheFuture = Rig.signIn(ahead.beginConnect(USER));
      assertThat(refused(teams, USER, fromTheFuture)).isEqualTo(Reason.STATE_EXPIRED);

      fake.nextSignIn(Rig.ANA.userPrincipalName());
      URI tolerated = Rig.signIn(slightlyAhead.beginConnect(USER));
      assertThat(teams.completeConnect(USER, tolerated).userId()).isEqualTo(USER);
    }
  }

  @Test
  void aDeclinedConsentIsATypedDenialAndStoresNothing() {
    fake.nextSignInDeclines();
    URI declined = Rig.signIn(teams.beginConnect(USER));

    AuthorizationDeniedException e =
        catchThrowableOfType(
            () -> teams.completeConnect(USER, declined), AuthorizationDeniedException.class);
    Secrets.thrown(e);

    assertThat(e.error()).isEqualTo("access_denied");
    assertThat(e.isUserDeclined()).isTrue();
    assertNothingExchangedOrStored(USER);
  }

  /** What any web page can make the user's browser open: an error callback it made up. */
  private static URI forgedErrorCallback(String state) {
    return URI.create(
        Rig.REDIRECT_URI
            + "?error=access_denied&error_description=AADSTS65004%3A+User+declined"
            + (state == null ? "" : "&state=" + state));
  }

  private URI declinedCallbackFor(String user) {
    fake.nextSignInDeclines();
    return Rig.signIn(teams.beginConnect(user));
  }

  @Test
  void anErrorCallbackWithoutStateIsRefusedNotReportedAsADenial() {
    assertThat(refused(teams, USER, forgedErrorCallback(null))).isEqualTo(Reason.MISSING_STATE);

    InvalidAuthorizationResponseException e =
        catchThrowableOfType(
            () ->
                teams.completeConnect(
                    USER, java.util.Map.of("error", "access_denied", "error_description", "x")),
            InvalidAuthorizationResponseException.class);
    assertThat(e.reason()).isEqualTo(Reason.MISSING_STATE);
    assertNothingExchangedOrStored(USER);
  }

  @Test
  void aRealConnectionIsUntouchedByAForgedErrorCallback() {
    Connection connection = rig.connect(teams, USER, Rig.ANA);
    StoredGrant grant = store.load(USER).orElseThrow();

    assertThat(refused(teams, USER, forgedErrorCallback(null))).isEqualTo(Reason.MISSING_STATE);
    assertThat(refused(teams, USER, forgedErrorCallback(Rig.random(160))))
        .isEqualTo(Reason.STATE_ALTERED);

    assertThat(store.load(USER)).contains(grant);
    assertThat(teams.status(USER).connection()).contains(connection);
  }

  @Test
  void anErrorCallbackWithAnotherUsersStateIsRefused() {
    URI malloryDeclined = declinedCallbackFor("state-user-mallory");

    assertThat(refused(teams, USER, malloryDeclined)).isEqualTo(Reason.STATE_FOR_ANOTHER_USER);
  }

  @Test
  void anErrorCallbackWithAnExpiredStateIsRefused() {
    URI declined = declinedCallbackFor(USER);
    fake.advanceClock(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(refused(teams, USER, declined)).isEqualTo(Reason.STATE_EXPIRED);
  }

  @Test
  void aGenuineErrorCallbackUsesUpItsStateLikeACode() {
    URI declined = declinedCallbackFor(USER);

    catchThrowableOfType(
        () -> teams.completeConnect(USER, declined), AuthorizationDeniedException.class);
    assertThat(refused(teams, USER, declined)).isEqualTo(Reason.STATE_REPLAYED);
    assertNothingExchangedOrStored(USER);
  }

  @Test
  void hostileTextInAGenuineErrorCallbackIsEscapedInTheDenial() {
    String hostile = "\u001b[31mred\r\nINFO fake log line\u2028\u202Eexe.txt";
    URI declined =
        withParam(
            withParam(declinedCallbackFor(USER), "error_description", "AADSTS65004: " + hostile),
            "error",
            "access_denied" + hostile);

    AuthorizationDeniedException e =
        catchThrowableOfType(
            () -> teams.completeConnect(USER, declined), AuthorizationDeniedException.class);

    for (String text :
        java.util.List.of(
            e.getMessage(),
            e.error(),
            e.details().code().orElseThrow(),
            e.details().description().orElseThrow())) {
      assertThat(text).doesNotContain("\u001b", "\r", "\n", "\u2028", "\u202E");
    }
    assertThat(e.error()).startsWith("access_denied\\u001B[31mred\\u000D\\u000AINFO");
  }

  @Test
  void anErrorCallbackWithAForgedStateIsRefusedAsForged() {
    fake.nextSignInDeclines();
    URI declined = Rig.signIn(teams.beginConnect(USER));

    assertThat(refused(teams, USER, withParam(declined, "state", Rig.random(160))))
        .isEqualTo(Reason.STATE_ALTERED);
  }
}
