package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.AdminConsentRequiredException;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.GraphUser;
import io.teamsmeet.Invitee;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.TeamsListener;
import io.teamsmeet.TeamsMeetingUnavailableException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TenantEvents;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.Invitation;
import io.teamsmeet.testkit.RecordedRequest;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application mode for calendar events (issue 18): {@code /users/{id}/events} and {@code
 * /users/{id}/calendar} with the tenant's application token, through the fake.
 */
class ApplicationEventsTest {

  static final FakeAccount CARL = FakeAccount.of("carl@fabrikam.com", "Carl Weber");
  static final String CONTOSO = "contoso.com";
  static final String FABRIKAM = CARL.tenantId();
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ObjectMapper JSON = new ObjectMapper();

  static Rig rig;
  static FakeMicrosoft fake;
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
    teams = rig.sdk(new InMemoryTokenStore(), Rig.newKeys()).build();
  }

  @AfterEach
  void reset() {
    teams.close();
    rig.reset();
  }

  static ZonedDateTime start() {
    return ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, BERLIN);
  }

  static EventRequest consultation() {
    return EventRequest.builder("Consultation", start(), Duration.ofMinutes(30))
        .invite(Invitee.required("patient@example.com").named("Pat"))
        .build();
  }

  static List<RecordedRequest> graph(String method, String suffix) {
    return fake.journal().graphCalls(method).stream()
        .filter(r -> r.path().contains("/v1.0/users/") && r.path().endsWith(suffix))
        .toList();
  }

  @Test
  void createsAnEventWithAnInviteeInTheUsersCalendarWithoutAnyPolicy() throws Exception {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO); // no Teams access policy: not needed here
    TenantEvents contoso = teams.forTenant(CONTOSO).events();
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());

    CalendarEvent e = contoso.create(ana, consultation());

    assertThat(e.joinUrl().toString()).startsWith("https://teams.microsoft.com/l/meetup-join/");
    assertThat(e.start()).contains(Instant.parse("2026-03-23T09:00:00Z"));
    assertThat(e.zone()).isEqualTo(BERLIN);
    assertThat(e.invitees()).extracting(Invitee::address).containsExactly("patient@example.com");
    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isEqualTo(1);
    assertThat(fake.invitations())
        .extracting(Invitation::attendee, Invitation::kind)
        .containsExactly(tuple("patient@example.com", Invitation.Kind.INVITATION));
    RecordedRequest post = graph("POST", "/events").get(0);
    JsonNode sent = JSON.readTree(post.body());
    assertThat(sent.path("transactionId").asText()).isNotBlank();
    assertThat(sent.path("start").path("timeZone").asText()).isEqualTo("W. Europe Standard Time");
    assertThat(post.header("Prefer"))
        .hasValueSatisfying(v -> assertThat(v).contains("outlook.timezone=\"UTC\""));
    assertThat(graph("GET", "/calendar")).hasSize(1);

    assertThat(contoso.get(ana, e.id()).joinUrl()).isEqualTo(e.joinUrl());
    CalendarEvent moved =
        contoso.update(
            ana,
            e.id(),
            EventUpdate.builder()
                .times(start().plusDays(7), start().plusDays(7).plusMinutes(45))
                .build());
    assertThat(moved.start()).contains(Instant.parse("2026-03-30T08:00:00Z"));

    contoso.cancel(ana, e.id(), "Moved");
    assertThat(fake.invitations())
        .filteredOn(i -> i.kind() == Invitation.Kind.CANCELLATION)
        .extracting(Invitation::attendee, Invitation::comment)
        .containsExactly(tuple("patient@example.com", "Moved"));
    assertThatThrownBy(() -> contoso.get(ana, e.id())).isInstanceOf(MeetingNotFoundException.class);

    CalendarEvent other = contoso.create(ana, consultation());
    contoso.delete(ana, other.id());
    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isZero();
    assertThat(fake.applicationTokenCount(CONTOSO)).isEqualTo(1);
  }

  @Test
  void aRepeatedTransactionIdCreatesTheEventOnce() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    TenantEvents contoso = teams.forTenant(CONTOSO).events();
    GraphUser ana = GraphUser.id(Rig.ANA.objectId());
    EventRequest request =
        EventRequest.builder("Tutoring", start(), Duration.ofMinutes(45))
            .transactionId("booking-77")
            .build();

    CalendarEvent first = contoso.create(ana, request);
    CalendarEvent again = contoso.create(ana, request);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isEqualTo(1);
  }

  @Test
  void twoTenantsAtOnceAndATenantsTokenDoesNotReachAnotherTenantsUsers() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO).grantAdminConsent(Rig.CLIENT_ID, FABRIKAM);
    TenantEvents contoso = teams.forTenant(CONTOSO).events();
    TenantEvents fabrikam = teams.forTenant(FABRIKAM).events();
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    GraphUser carl = GraphUser.upn(CARL.userPrincipalName());

    CalendarEvent a = contoso.create(ana, consultation());
    CalendarEvent c = fabrikam.create(carl, consultation());

    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isEqualTo(1);
    assertThat(fake.eventCount(CARL.userPrincipalName())).isEqualTo(1);
    assertThat(fabrikam.get(carl, c.id()).id()).isEqualTo(c.id());
    assertThat(contoso.get(ana, a.id()).id()).isEqualTo(a.id());
    assertThatThrownBy(() -> contoso.get(carl, c.id()))
        .isInstanceOf(MeetingNotFoundException.class);
    assertThat(fake.applicationTokenCount(CONTOSO)).isEqualTo(1);
    assertThat(fake.applicationTokenCount(FABRIKAM)).isEqualTo(1);
  }

  @Test
  void aRevokedConsentFailsThatTenantWithATypedErrorWhileOthersKeepWorking() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO).grantAdminConsent(Rig.CLIENT_ID, FABRIKAM);
    TenantEvents contoso = teams.forTenant(CONTOSO).events();
    TenantEvents fabrikam = teams.forTenant(FABRIKAM).events();
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    GraphUser carl = GraphUser.upn(CARL.userPrincipalName());
    contoso.create(ana, consultation());
    fabrikam.create(carl, consultation());

    fake.revokeAdminConsent(Rig.CLIENT_ID, CONTOSO);

    assertThatThrownBy(() -> contoso.create(ana, consultation()))
        .isInstanceOfSatisfying(
            AdminConsentRequiredException.class, e -> assertThat(e.tenant()).isEqualTo(CONTOSO));
    assertThat(fabrikam.create(carl, consultation()).joinUrl()).isNotNull();
    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isEqualTo(1);
  }

  @Test
  void theListenerSeesApplicationTokensByTenantAndNeverAsAUsersRefresh() {
    List<String> seen = new CopyOnWriteArrayList<>();
    TeamsListener listener =
        new TeamsListener() {
          @Override
          public void applicationTokenRequested(
              String tenant,
              RefreshTrigger trigger,
              ApplicationTokenOutcome outcome,
              Duration duration) {
            assertThat(duration.isNegative()).isFalse();
            seen.add(tenant + " " + trigger + " " + outcome);
          }

          @Override
          public void tokenRefreshed(
              String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration duration) {
            seen.add("user " + userId);
          }
        };
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    GraphUser ana = GraphUser.upn(Rig.ANA.userPrincipalName());
    try (TeamsMeetings observed =
        rig.sdk(new InMemoryTokenStore(), Rig.newKeys()).listener(listener).build()) {
      observed.forTenant(CONTOSO).events().create(ana, consultation());
      observed.forTenant(CONTOSO).events().create(ana, consultation()); // the cached token
      assertThatThrownBy(() -> observed.forTenant(FABRIKAM).events().create(ana, consultation()))
          .isInstanceOf(AdminConsentRequiredException.class);
    }

    assertThat(seen)
        .containsExactly(CONTOSO + " CALL SUCCESS", FABRIKAM + " CALL ADMIN_CONSENT_REQUIRED");
  }

  @Test
  void aCalendarWithoutTeamsFailsBeforeAnythingIsCreated() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    fake.allowedOnlineMeetingProviders(Rig.ANA.userPrincipalName(), "skypeForBusiness");
    TenantEvents contoso = teams.forTenant(CONTOSO).events();

    assertThatThrownBy(
            () -> contoso.create(GraphUser.upn(Rig.ANA.userPrincipalName()), consultation()))
        .isInstanceOf(TeamsMeetingUnavailableException.class);
    assertThat(fake.eventCount(Rig.ANA.userPrincipalName())).isZero();
  }

  @Test
  void anUnknownUserIsNotFoundAndTheCalendarIsNotBehindTheTeamsPolicyWall() {
    fake.grantAdminConsent(Rig.CLIENT_ID, CONTOSO);
    TenantEvents contoso = teams.forTenant(CONTOSO).events();

    assertThatThrownBy(() -> contoso.create(GraphUser.upn("nobody@contoso.com"), consultation()))
        .isInstanceOf(MeetingNotFoundException.class)
        .isNotInstanceOf(PermissionDeniedException.class);
    // the same tenant's onlineMeetings stay behind the wall until a policy is granted
    assertThatThrownBy(
            () -> teams.forTenant(CONTOSO).checkAccess(GraphUser.upn(Rig.ANA.userPrincipalName())))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PermissionDeniedException.Reason.APPLICATION_ACCESS_POLICY_MISSING));
  }
}
