package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.Connection;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.MeetingRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The id token's claims name the connection's tenant and account only when they belong to this app:
 * {@code aud} is the client id and {@code tid} is the tenant of {@code iss}. Over real HTTP, with
 * the fake issuing a token that does not fit ({@code FakeMicrosoft.nextIdTokenClaims}). At connect,
 * a mismatch is {@link Reason#ID_TOKEN_MISMATCH} and nothing is stored; at a refresh the tokens are
 * used and the claims ignored (the core never reads claims at refresh), with a warning.
 */
class IdTokenChecksTest extends SecurityFixture {

  private static final String USER = "id-token-user";
  private static final String OTHER_TENANT = "0b5e7a1c-0000-4000-8000-00000000beef";

  private InvalidAuthorizationResponseException connectFails(Map<String, String> claims) {
    fake.nextSignIn(Rig.ANA.userPrincipalName());
    java.net.URI callback = Rig.signIn(teams.beginConnect(USER));
    fake.nextIdTokenClaims(claims);
    int redeemed = fake.journal().codeRedemptionCount();
    InvalidAuthorizationResponseException e =
        catchThrowableOfType(
            () -> teams.completeConnect(USER, callback),
            InvalidAuthorizationResponseException.class);
    Secrets.thrown(e);
    assertThat(e.reason()).isEqualTo(Reason.ID_TOKEN_MISMATCH);
    assertThat(fake.journal().codeRedemptionCount())
        .as("the code was redeemed")
        .isEqualTo(redeemed + 1);
    assertThat(store.load(USER)).as("nothing stored").isEmpty();
    assertThat(teams.status(USER).isConnected()).isFalse();
    return e;
  }

  @Test
  void aConsistentIdTokenNamesTheTenantAndAccount() {
    Connection c = rig.connect(teams, USER, Rig.ANA);

    assertThat(c.tenantId()).contains(Rig.ANA.tenantId());
    assertThat(c.accountName()).contains(Rig.ANA.userPrincipalName());
  }

  @Test
  void anIdTokenIssuedToAnotherAppFailsTheConnection() {
    InvalidAuthorizationResponseException e =
        connectFails(Map.of("aud", "00000000-0000-0000-0000-0000000e71e5"));

    assertThat(e.getMessage())
        .contains(
            "aud '00000000-0000-0000-0000-0000000e71e5' is not this app's client id "
                + Rig.CLIENT_ID);
  }

  @Test
  void aTidThatIsNotTheTenantOfTheIssuerFailsTheConnection() {
    InvalidAuthorizationResponseException e = connectFails(Map.of("tid", OTHER_TENANT));

    assertThat(e.getMessage()).contains("tid '" + OTHER_TENANT + "' is not the tenant of its iss");
  }

  @Test
  void anIssuerOfAnotherTenantFailsTheConnection() {
    connectFails(Map.of("iss", fake.identityBaseUri() + "/" + OTHER_TENANT + "/v2.0"));
    connectFails(Map.of("iss", "not a url"));
  }

  @Test
  void aNationalCloudIssuerNamingTheSameTenantIsAccepted() {
    fake.nextSignIn(Rig.ANA.userPrincipalName());
    java.net.URI callback = Rig.signIn(teams.beginConnect(USER));
    fake.nextIdTokenClaims(
        Map.of(
            "iss",
            "https://login.microsoftonline.us/"
                + Rig.ANA.tenantId().toUpperCase(java.util.Locale.ROOT)
                + "/v2.0",
            "aud",
            Rig.CLIENT_ID.toUpperCase(java.util.Locale.ROOT)));

    Connection c = teams.completeConnect(USER, callback);

    assertThat(c.tenantId()).contains(Rig.ANA.tenantId());
  }

  @Test
  void atARefreshAnIdTokenThatDoesNotFitIsIgnoredAndTheConnectionKeepsItsTenant() {
    Connection before = rig.connect(teams, USER, Rig.ANA);
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("io.teamsmeet.feign.identity");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      fake.advanceClock(Duration.ofMinutes(61));
      fake.nextIdTokenClaims(
          Map.of("tid", OTHER_TENANT, "preferred_username", "mallory@fabrikam.com"));

      teams
          .meetings()
          .create(
              USER,
              MeetingRequest.of(
                  "Review", Instant.parse("2031-03-03T15:00:00Z"), Duration.ofMinutes(30)));
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(fake.refreshCount()).isEqualTo(1);
    assertThat(teams.status(USER).connection()).contains(before);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("the id token of a refresh answer failed a check")
        .contains("tid '" + OTHER_TENANT + "'");
  }
}
