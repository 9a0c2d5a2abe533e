package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.EventRequest;
import io.teamsmeet.GraphUser;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TenantMeetings;
import io.teamsmeet.testkit.FakeMicrosoft;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application that uses only application mode builds without a token store; every delegated
 * operation then fails with an {@link IllegalStateException} naming {@code tokenStore}.
 */
class ApplicationOnlyTest {

  static Rig rig;
  static FakeMicrosoft fake;
  TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start(Rig.fakeBuilder());
    fake = rig.fake;
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  static TeamsMeetings.Builder withoutTokenStore() {
    return TeamsMeetings.builder()
        .clientId(Rig.CLIENT_ID)
        .clientSecret(Rig.CLIENT_SECRET)
        .redirectUri(Rig.REDIRECT_URI)
        .identityEndpoint(fake.identityBaseUri())
        .graphEndpoint(fake.graphBaseUri())
        .clock(fake.clock())
        .retryPolicy(Rig.fastRetries())
        .refreshAhead(Duration.ZERO);
  }

  @BeforeEach
  void build() {
    teams = withoutTokenStore().tokenKeys(Rig.newKeys()).build();
  }

  @AfterEach
  void reset() {
    teams.close();
    rig.reset();
  }

  @Test
  void applicationModeWorksWithoutATokenStore() {
    URI consent = teams.beginAdminConsent("customer-1");
    assertThat(consent.getPath()).endsWith("/adminconsent");
    fake.grantAdminConsent(Rig.CLIENT_ID, "contoso.com");
    fake.grantAccessPolicy(Rig.CLIENT_ID, Rig.ANA.userPrincipalName());
    TenantMeetings contoso = teams.forTenant("contoso.com");
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());

    assertThat(
            contoso
                .create(
                    ana,
                    MeetingRequest.of(
                        "Consultation",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        Duration.ofMinutes(30)))
                .joinUrl())
        .isNotNull();
    assertThat(
            contoso
                .events()
                .create(
                    ana,
                    EventRequest.builder(
                            "Consultation",
                            Instant.parse("2026-12-01T10:00:00Z").atZone(ZoneOffset.UTC),
                            Duration.ofMinutes(30))
                        .build())
                .joinUrl())
        .isNotNull();
  }

  @Test
  void everyDelegatedOperationNamesTheMissingTokenStore() {
    String user = "app-user-ana";
    MeetingRequest request =
        MeetingRequest.of("Review", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));
    List<ThrowingCallable> delegated =
        List.of(
            () -> teams.beginConnect(user),
            () -> teams.completeConnect(user, URI.create("https://app.example/cb?code=c&state=s")),
            () -> teams.completeConnect(user, Map.of("code", "c", "state", "s")),
            () -> teams.status(user),
            () -> teams.disconnect(user),
            () -> teams.reseal(user),
            () -> teams.accessToken(user),
            () -> teams.meetings().create(user, request),
            () -> teams.meetings().get(user, "MSo1"),
            () -> teams.meetings().delete(user, "MSo1"),
            () ->
                teams
                    .events()
                    .create(
                        user,
                        EventRequest.builder(
                                "Review",
                                Instant.parse("2026-12-01T10:00:00Z").atZone(ZoneOffset.UTC),
                                Duration.ofMinutes(30))
                            .build()),
            () -> teams.events().get(user, "AAMk"));
    for (ThrowingCallable call : delegated) {
      assertThatThrownBy(call)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("tokenStore")
          .hasMessageContaining("application mode");
    }
    assertThat(fake.journal().graphCalls("GET")).isEmpty();
    assertThat(fake.journal().graphCalls("POST")).isEmpty();
  }

  @Test
  void theKeysStayRequired() {
    assertThatThrownBy(() -> withoutTokenStore().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokenKeys");
  }
}
