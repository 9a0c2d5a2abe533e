package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.AccessToken;
import io.teamsmeet.AdminConsent;
import io.teamsmeet.AdminConsentRequiredException;
import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.GraphUser;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TenantMeetings;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application mode end to end (issue 18): client-credentials tokens per tenant, meetings on {@code
 * /users/{id}/onlineMeetings}, the access-policy wall, revoked consent, admin consent.
 */
class ApplicationModeTest {

  static final FakeAccount CARL = FakeAccount.of("carl@fabrikam.com", "Carl Weber");
  static final String CONTOSO = "contoso.com";
  static final String FABRIKAM = CARL.tenantId();

  static Rig rig;
  static FakeMicrosoft fake;
  KeysetHandle keys;
  TeamsMeetings teams;

  @BeforeAll
  static void startFake() {
    rig = Rig.start(Rig.fakeBuilder().account(CARL).accessTokenLifetime(Duration.ofMinutes(60)));
    fake = rig.fake;
  }

  @AfterAll
  static void stopFake() {
    rig.close();
  }

  @BeforeEach
  void build() {
    keys = Rig.newKeys();
    teams = rig.sdk(new InMemoryTokenStore(), keys).build();
  }

  @AfterEach
  void reset() {
    teams.close();
    rig.reset();
  }

  static MeetingRequest consultation() {
    return MeetingRequest.of(
        "Consultation", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));
  }

  void consentAndPolicies() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO).grantAdminConsent(Rig.CLIENT_ID, FABRIKAM);
    fake.grantAccessPolicy(Rig.CLIENT_ID, Rig.ANA.userPrincipalName());
    fake.grantAccessPolicy(Rig.CLIENT_ID, CARL.userPrincipalName());
  }

  @Test
  void twoTenantsAtOnceEachWithItsOwnTokenAndUsers() {
    consentAndPolicies();
    TenantMeetings contoso = teams.forTenant(CONTOSO);
    TenantMeetings fabrikam = teams.forTenant(FABRIKAM);
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    GraphUser carl = GraphUser.id(CARL.objectId());

    Meeting a = contoso.create(ana, consultation());
    Meeting c = fabrikam.create(carl, consultation());

    assertThat(a.joinUrl()).isNotNull();
    assertThat(contoso.get(ana, a.id()).id()).isEqualTo(a.id());
    assertThat(fabrikam.get(carl, c.id()).id()).isEqualTo(c.id());
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(1);
    assertThat(fake.meetings(CARL.userPrincipalName())).hasSize(1);
    assertThat(contoso.accessToken()).isNotEqualTo(fabrikam.accessToken());
    assertThat(fake.applicationTokenCount(CONTOSO)).isEqualTo(1);
    assertThat(fake.applicationTokenCount(FABRIKAM)).isEqualTo(1);

    // a tenant's token does not reach another tenant's users
    assertThatThrownBy(() -> contoso.get(carl, c.id()))
        .isInstanceOf(MeetingNotFoundException.class);

    Meeting moved =
        contoso.update(
            ana, a.id(), MeetingUpdate.builder().subject("Consultation (moved)").build());
    assertThat(moved.subject()).contains("Consultation (moved)");
    contoso.delete(ana, a.id());
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).isEmpty();
  }

  @Test
  void createOrGetIsIdempotentForAnExternalId() {
    consentAndPolicies();
    TenantMeetings contoso = teams.forTenant(CONTOSO);
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    MeetingRequest request =
        MeetingRequest.builder()
            .subject("Tutoring")
            .start(Instant.parse("2026-12-01T10:00:00Z"))
            .duration(Duration.ofMinutes(45))
            .externalId("booking-77")
            .build();

    Meeting first = contoso.createOrGet(ana, request);
    Meeting again = contoso.create(ana, request);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(1);
    assertThatThrownBy(() -> contoso.createOrGet(ana, consultation()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalId");
  }

  @Test
  void theAccessPolicyWallSaysWhatTheAdministratorMustRunUntilThePolicyIsGranted() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    TenantMeetings contoso = teams.forTenant(CONTOSO);
    GraphUser ana = GraphUser.id(Rig.ANA.objectId());

    assertThatThrownBy(() -> contoso.checkAccess(ana))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(PermissionDeniedException.Reason.APPLICATION_ACCESS_POLICY_MISSING);
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage())
                  .contains("New-CsApplicationAccessPolicy")
                  .contains("-AppIds " + Rig.CLIENT_ID)
                  .contains("Grant-CsApplicationAccessPolicy")
                  .contains("-Identity " + Rig.ANA.objectId())
                  .contains("-Global")
                  .contains("30 minutes");
            });
    assertThatThrownBy(() -> contoso.create(ana, consultation()))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PermissionDeniedException.Reason.APPLICATION_ACCESS_POLICY_MISSING));
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).isEmpty();

    fake.grantAccessPolicy(Rig.CLIENT_ID, Rig.ANA.userPrincipalName());
    contoso.checkAccess(ana);
    assertThat(contoso.create(ana, consultation()).joinUrl()).isNotNull();

    // Bob has no policy yet; a tenant-wide one (-Global) covers him
    GraphUser bob = GraphUser.upn(Rig.BOB.userPrincipalName());
    assertThatThrownBy(() -> contoso.checkAccess(bob))
        .isInstanceOf(PermissionDeniedException.class);
    fake.grantAccessPolicyGlobally(Rig.CLIENT_ID, CONTOSO);
    contoso.checkAccess(bob);
  }

  @Test
  void aLicenceProblemIsNotReportedAsThePolicyWall() {
    consentAndPolicies();
    fake.teamsLicensed(Rig.ANA.userPrincipalName(), false);
    assertThatThrownBy(
            () -> teams.forTenant(CONTOSO).checkAccess(GraphUser.upn(Rig.ANA.userPrincipalName())))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(PermissionDeniedException.Reason.DENIED));
  }

  @Test
  void aRevokedConsentFailsThatTenantWithATypedErrorWhileOthersKeepWorking() {
    consentAndPolicies();
    TenantMeetings contoso = teams.forTenant(CONTOSO);
    TenantMeetings fabrikam = teams.forTenant(FABRIKAM);
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    GraphUser carl = GraphUser.upn(CARL.userPrincipalName());
    contoso.create(ana, consultation());
    fabrikam.create(carl, consultation());

    fake.revokeAdminConsent(Rig.CLIENT_ID, CONTOSO);

    assertThatThrownBy(() -> contoso.create(ana, consultation()))
        .isInstanceOfSatisfying(
            AdminConsentRequiredException.class,
            e -> {
              assertThat(e.tenant()).isEqualTo(CONTOSO);
              assertThat(e.details().aadsts()).contains(700016L);
              assertThat(e.getMessage()).contains("beginAdminConsent");
            });
    assertThatThrownBy(contoso::accessToken).isInstanceOf(AdminConsentRequiredException.class);
    assertThat(fabrikam.create(carl, consultation()).joinUrl()).isNotNull();
    assertThat(fake.meetings(Rig.ANA.userPrincipalName())).hasSize(1);

    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    assertThat(contoso.create(ana, consultation()).joinUrl()).isNotNull();
  }

  @Test
  void aTenantThatNeverConsentedGetsTheSameTypedError() {
    assertThatThrownBy(() -> teams.forTenant(FABRIKAM).accessToken())
        .isInstanceOfSatisfying(
            AdminConsentRequiredException.class, e -> assertThat(e.tenant()).isEqualTo(FABRIKAM));
  }

  @Test
  void commonAndOrganizationsAreNotTenants() {
    for (String tenant : List.of("common", "organizations", "Organizations", "consumers")) {
      assertThatThrownBy(() -> teams.forTenant(tenant))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("real tenant");
    }
    assertThatThrownBy(() -> teams.forTenant("not a tenant"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphUser.id("ana@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphUser.upn("ana/../x@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyThreadsShareOneTokenRequestPerTenant() throws Exception {
    consentAndPolicies();
    int threads = 24;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String tenant = i % 2 == 0 ? CONTOSO : FABRIKAM;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return teams.forTenant(tenant).accessToken();
                }));
      }
      start.countDown();
      Set<AccessToken> distinct = ConcurrentHashMap.newKeySet();
      for (Future<AccessToken> f : results) {
        distinct.add(f.get(20, TimeUnit.SECONDS));
      }
      assertThat(distinct).hasSize(2);
      assertThat(fake.applicationTokenCount(CONTOSO)).isEqualTo(1);
      assertThat(fake.applicationTokenCount(FABRIKAM)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theTokenIsRenewedAheadOfExpiryInTheBackground() throws Exception {
    teams.close();
    teams = rig.sdk(new InMemoryTokenStore(), keys).refreshAhead(Duration.ofMinutes(5)).build();
    consentAndPolicies();
    TenantMeetings contoso = teams.forTenant(CONTOSO);
    AccessToken first = contoso.accessToken();

    fake.clock().advance(Duration.ofMinutes(51)); // 9 minutes left: inside the refresh-ahead window
    assertThat(contoso.accessToken()).isEqualTo(first); // still usable: nobody waits
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // the background request is done when the cache holds its answer (the fake counts earlier)
    while (contoso.accessToken().equals(first) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(contoso.accessToken()).isNotEqualTo(first);
    assertThat(fake.applicationTokenCount(CONTOSO)).isEqualTo(2);
  }

  @Test
  void adminConsentNamesTheTenantAndCompletesOnAnyInstanceOnce() {
    URI url = teams.beginAdminConsent("customer-42");
    assertThat(url.getPath()).endsWith("/organizations/v2.0/adminconsent");
    assertThat(url.getRawQuery())
        .contains("client_id=" + Rig.CLIENT_ID)
        .contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")
        .contains("redirect_uri=https%3A%2F%2Fapp.example%2Fms%2Fcallback")
        .contains("state=");

    fake.nextAdminConsentBy(CARL.userPrincipalName());
    URI callback = Rig.signIn(url);
    assertThat(callback.toString()).startsWith(Rig.REDIRECT_URI.toString());

    TeamsMeetings other = rig.sdk(new InMemoryTokenStore(), keys).build();
    try {
      AdminConsent consent = other.completeAdminConsent("customer-42", callback);
      assertThat(consent.tenantId()).isEqualTo(CARL.tenantId());
      assertThat(consent.reference()).isEqualTo("customer-42");
      assertThatThrownBy(() -> other.completeAdminConsent("customer-42", callback))
          .isInstanceOfSatisfying(
              InvalidAuthorizationResponseException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(InvalidAuthorizationResponseException.Reason.STATE_REPLAYED));
    } finally {
      other.close();
    }
    assertThat(fake.hasAdminConsent(Rig.CLIENT_ID, FABRIKAM)).isTrue();
    assertThat(fake.hasAdminConsent(Rig.CLIENT_ID, CONTOSO)).isFalse();
    assertThat(teams.forTenant(FABRIKAM).accessToken()).isNotNull();
  }

  @Test
  void adminConsentForOneTenantRefusesAnotherTenantsCallback() {
    URI url = teams.beginAdminConsent("customer-7", Rig.ANA.tenantId());
    assertThat(url.getPath()).endsWith("/" + Rig.ANA.tenantId() + "/v2.0/adminconsent");
    String state = query(url, "state");
    URI forged =
        URI.create(
            Rig.REDIRECT_URI + "?admin_consent=True&tenant=" + CARL.tenantId() + "&state=" + state);
    assertThatThrownBy(() -> teams.completeAdminConsent("customer-7", forged))
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(InvalidAuthorizationResponseException.Reason.TENANT_MISMATCH));
  }

  @Test
  void aDeclinedAdminConsentIsAnErrorEvenWithAdminConsentTrue() {
    fake.nextAdminConsentDeclines();
    URI callback = Rig.signIn(teams.beginAdminConsent("customer-42"));
    assertThat(callback.getRawQuery()).contains("admin_consent=True").contains("error=");

    assertThatThrownBy(() -> teams.completeAdminConsent("customer-42", callback))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e -> {
              assertThat(e.error()).isEqualTo("access_denied");
              assertThat(e.getMessage()).contains("AADSTS65004");
            });
    assertThat(fake.hasAdminConsent(Rig.CLIENT_ID, CONTOSO)).isFalse();
  }

  @Test
  void anUntrustedAdminConsentCallbackIsRefused() {
    URI url = teams.beginAdminConsent("customer-42");
    String state = query(url, "state");
    assertThatThrownBy(
            () ->
                teams.completeAdminConsent(
                    "customer-42",
                    URI.create(Rig.REDIRECT_URI + "?admin_consent=True&tenant=" + FABRIKAM)))
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(InvalidAuthorizationResponseException.Reason.MISSING_STATE));
    assertThatThrownBy(
            () ->
                teams.completeAdminConsent(
                    "customer-99",
                    URI.create(
                        Rig.REDIRECT_URI
                            + "?admin_consent=True&tenant="
                            + FABRIKAM
                            + "&state="
                            + state)))
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        InvalidAuthorizationResponseException.Reason.STATE_FOR_ANOTHER_USER));
    assertThatThrownBy(
            () ->
                teams.completeAdminConsent(
                    "customer-42", URI.create(Rig.REDIRECT_URI + "?state=" + state)))
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        InvalidAuthorizationResponseException.Reason.ADMIN_CONSENT_INCOMPLETE));
    // a connect state is not an admin consent state
    String connectState = query(teams.beginConnect("customer-42"), "state");
    assertThatThrownBy(
            () ->
                teams.completeAdminConsent(
                    "customer-42",
                    URI.create(
                        Rig.REDIRECT_URI
                            + "?admin_consent=True&tenant="
                            + FABRIKAM
                            + "&state="
                            + connectState)))
        .isInstanceOfSatisfying(
            InvalidAuthorizationResponseException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(InvalidAuthorizationResponseException.Reason.STATE_ALTERED));
  }

  static String query(URI url, String name) {
    for (String pair : url.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
