package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The callback checks of step 2: CSRF protection through the sealed state (RFC 9700 §4.7). */
class ConnectCallbackTest {

  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static void assertRejected(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static URI withState(URI callback, String state) {
    Map<String, String> q = FakeIdentity.query(callback);
    return URI.create(
        "https://app.example/callback?code="
            + URLEncoder.encode(q.get("code"), StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(state, StandardCharsets.UTF_8));
  }

  @Test
  void anAlteredStateIsRejectedAndNothingIsExchanged() {
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    String state = FakeIdentity.query(callback).get("state");
    byte[] raw = Base64.getUrlDecoder().decode(state);
    raw[raw.length / 2] ^= 1;

    assertRejected(
        () ->
            f.service.completeConnect(
                "user-1",
                withState(callback, Base64.getUrlEncoder().withoutPadding().encodeToString(raw))),
        Reason.STATE_ALTERED);
    assertRejected(
        () -> f.service.completeConnect("user-1", withState(callback, "not-base64!")),
        Reason.STATE_ALTERED);
    assertRejected(
        () -> f.service.completeConnect("user-1", withState(callback, "AAAA")),
        Reason.STATE_ALTERED);
    assertThat(f.identity.exchanges).hasValue(0);
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void aStateSealedWithOtherKeysIsRejected() {
    try (Fixture other = new Fixture()) {
      URI foreign = other.identity.consent(other.service.beginConnect("user-1"), "ana@contoso.com");
      assertRejected(() -> f.service.completeConnect("user-1", foreign), Reason.STATE_ALTERED);
    }
  }

  @Test
  void anExpiredStateIsRejected() {
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    f.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertRejected(() -> f.service.completeConnect("user-1", callback), Reason.STATE_EXPIRED);
    assertThat(f.identity.exchanges).hasValue(0);
  }

  @Test
  void aStateJustInsideItsLifetimeIsAccepted() {
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    f.clock.advance(Duration.ofMinutes(9).plusSeconds(59));

    assertThat(f.service.completeConnect("user-1", callback).userId()).isEqualTo("user-1");
  }

  @Test
  void aStateIssuedToAnotherUserIsRejected() {
    URI callback = f.identity.consent(f.service.beginConnect("victim"), "ana@contoso.com");

    assertRejected(
        () -> f.service.completeConnect("attacker", callback), Reason.STATE_FOR_ANOTHER_USER);
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void aReplayedCallbackIsRejectedOnTheSameInstance() {
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    f.service.completeConnect("user-1", callback);

    assertRejected(() -> f.service.completeConnect("user-1", callback), Reason.STATE_REPLAYED);
    assertThat(f.identity.exchanges).hasValue(1);
  }

  @Test
  void anyInstanceWithTheSameKeysCanCompleteTheCallback() {
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    try (TeamsMeetings second = f.builder(f.store, f.keys).build()) {
      assertThat(second.completeConnect("user-1", callback).accountName())
          .contains("ana@contoso.com");
    }
  }

  @Test
  void missingStateOrCodeIsRejected() {
    assertRejected(
        () -> f.service.completeConnect("user-1", URI.create("https://app.example/cb?code=abc")),
        Reason.MISSING_STATE);
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    String state = FakeIdentity.query(callback).get("state");
    assertRejected(
        () -> f.service.completeConnect("user-1", Map.of("state", state)), Reason.MISSING_CODE);
  }

  @Test
  void duplicatedParametersAreRejected() {
    assertRejected(
        () ->
            f.service.completeConnect(
                "user-1", URI.create("https://app.example/cb?code=a&code=b&state=s")),
        Reason.MALFORMED_CALLBACK);
  }

  @Test
  void anErrorCallbackBecomesATypedExceptionWithMicrosoftsDescription() {
    URI declined = f.identity.decline(f.service.beginConnect("user-1"));

    assertThatThrownBy(() -> f.service.completeConnect("user-1", declined))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e -> {
              assertThat(e.error()).isEqualTo("access_denied");
              assertThat(e.isUserDeclined()).isTrue();
              assertThat(e.details().description())
                  .hasValueSatisfying(d -> assertThat(d).contains("AADSTS65004"));
              assertThat(e.getMessage()).contains("declined");
            });
    assertThat(f.identity.exchanges).hasValue(0);
  }

  /** An error callback with {@code error} and {@code error_description} and a genuine state. */
  private AuthorizationDeniedException denied(String error, String description) {
    String state = FakeIdentity.query(f.service.beginConnect("user-1")).get("state");
    return (AuthorizationDeniedException)
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                f.service.completeConnect(
                    "user-1",
                    Map.of("error", error, "error_description", description, "state", state)));
  }

  @Test
  void adminConsentRequiredIsRecognised() {
    AuthorizationDeniedException e =
        denied("consent_required", "AADSTS90094: Admin consent is required.");
    assertThat(e.isAdminConsentRequired()).isTrue();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void anErrorCallbackWithoutStateIsRefusedNotBelieved() {
    // Any page can send the user's browser here: without the state it is not Microsoft's answer.
    assertRejected(
        () ->
            f.service.completeConnect(
                "user-1",
                URI.create(
                    "https://app.example/callback?error=access_denied&error_description=no")),
        Reason.MISSING_STATE);
    assertRejected(
        () -> f.service.completeConnect("user-1", Map.of("error", "consent_required")),
        Reason.MISSING_STATE);
  }

  @Test
  void aGenuineErrorCallbackUsesUpItsState() {
    URI url = f.service.beginConnect("user-1");
    URI declined = f.identity.decline(url);

    assertThatThrownBy(() -> f.service.completeConnect("user-1", declined))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertRejected(() -> f.service.completeConnect("user-1", declined), Reason.STATE_REPLAYED);
    URI codeWithTheSameState = f.identity.consent(url, "ana@contoso.com");
    assertRejected(
        () -> f.service.completeConnect("user-1", codeWithTheSameState), Reason.STATE_REPLAYED);
    assertThat(f.identity.exchanges).hasValue(0);
  }

  @Test
  void hostileTextInAnErrorCallbackIsEscapedInTheExceptionAndItsDetails() {
    AuthorizationDeniedException e =
        denied(
            "access_denied\u001b[31m\r\nINFO forged",
            "AADSTS65004\u2028\u202Egnp.exe\r\nTrace ID: 1");

    assertThat(e.error()).isEqualTo("access_denied\\u001B[31m\\u000D\\u000AINFO forged");
    assertThat(e.details().description()).contains("AADSTS65004\\u2028\\u202Egnp.exe Trace ID: 1");
    assertThat(e.getMessage()).doesNotContain("\u001b", "\r", "\n", "\u2028", "\u202E");
    assertThat(e.isUserDeclined()).isFalse();
  }

  @Test
  void anErrorCallbackWithAForgedStateIsRejectedAsForged() {
    assertRejected(
        () ->
            f.service.completeConnect(
                "user-1", Map.of("error", "access_denied", "state", "forged")),
        Reason.STATE_ALTERED);
  }

  @Test
  void aCodeRedeemedTwiceOrWithTheWrongVerifierNeedsANewConnection() {
    URI url = f.service.beginConnect("user-1");
    URI callback = f.identity.consent(url, "ana@contoso.com");
    // A second authorization of the same user, whose state is fresh but whose code is the first
    // one.
    URI otherUrl = f.service.beginConnect("user-1");
    URI mixed =
        withState(
            callback,
            FakeIdentity.query(f.identity.consent(otherUrl, "ana@contoso.com")).get("state"));

    assertThatThrownBy(() -> f.service.completeConnect("user-1", mixed))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.details().aadsts()).contains(501481L);
              assertThat(e.userId()).contains("user-1");
            });
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void aFailedCodeExchangeStoresNothing() {
    f.identity.exchangeFailures.add(
        TeamsServiceException.of(
            "identity platform unavailable",
            ErrorDetails.builder().status(503).build(),
            true,
            null));
    URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");

    assertThatThrownBy(() -> f.service.completeConnect("user-1", callback))
        .isInstanceOf(TeamsServiceException.class);
    assertThat(f.store.rows).isEmpty();
    assertThat(f.service.status("user-1").isConnected()).isFalse();
  }
}
