package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.spi.TokenResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventService} on a fake calendar port: one refresh and one retry after a 401, the
 * calendar's providers checked before creating (and kept five minutes), a 403 read as missing
 * consent when the granted scopes are unknown, one transactionId across the SDK's retries, and an
 * unknown outcome that hands the transactionId back.
 */
class EventServiceTest {

  private static final List<String> SCOPES =
      List.of("OnlineMeetings.ReadWrite", "Calendars.ReadWrite");
  private static final String USER = "user-1";

  private final Fixture f = new Fixture(b -> b.scopes(SCOPES));
  private final EventRequest review =
      EventRequest.builder(
              "Design review",
              ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
              Duration.ofMinutes(30))
          .invite(Invitee.required("bob@contoso.com"))
          .build();

  @AfterEach
  void close() {
    f.close();
  }

  /** Makes the identity platform grant {@code scopes} (empty: the answer names none). */
  private void grant(Set<String> scopes) {
    UnaryOperator<TokenResponse> filter =
        r ->
            new TokenResponse(
                r.accessToken(), r.expiresAt(), r.refreshToken(), scopes, r.idTokenClaims());
    f.identity.answerFilter = filter;
  }

  private void connectWithCalendars() {
    grant(Set.of("OnlineMeetings.ReadWrite", "Calendars.ReadWrite", "openid", "profile"));
    f.connect(USER, "ana@contoso.com");
  }

  private static TeamsServiceException failure(int status, boolean retryable) {
    return TeamsServiceException.of(
        "Graph failed", ErrorDetails.builder().status(status).build(), retryable, null);
  }

  private static PermissionDeniedException forbidden() {
    return PermissionDeniedException.of(
        ErrorDetails.builder().status(403).code("ErrorAccessDenied").requestId("req-403").build());
  }

  // --- 401: refresh once, retry once ----------------------------------------------------------

  @Test
  void a401IsFollowedByOneRefreshAndOneRetryWithTheNewToken() {
    connectWithCalendars();
    CalendarEvent created = f.service.events().create(USER, review);
    int refreshes = f.identity.refreshes.get();
    f.events.tokensSeen.clear();
    f.events.failures.add(FakeGraph.unauthorized());

    CalendarEvent read = f.service.events().get(USER, created.id());

    assertThat(read.id()).isEqualTo(created.id());
    assertThat(f.identity.refreshes.get()).isEqualTo(refreshes + 1);
    assertThat(f.events.tokensSeen).hasSize(2);
    assertThat(f.events.tokensSeen.get(1)).isNotEqualTo(f.events.tokensSeen.get(0));
  }

  @Test
  void a401AfterTheRefreshIsReauthorizationRequiredNotASecondRefresh() {
    connectWithCalendars();
    f.events.failures.add(FakeGraph.unauthorized());
    f.events.failures.add(FakeGraph.unauthorized());
    int refreshes = f.identity.refreshes.get();

    assertThatThrownBy(() -> f.service.events().get(USER, "AAMkAGI2TG93AAA="))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ReauthorizationRequiredException.Reason.TOKEN_REJECTED));
    assertThat(f.identity.refreshes.get()).isEqualTo(refreshes + 1);
    assertThat(f.events.calls).hasValue(2);
  }

  @Test
  void a401OnCreateRetriesWithTheSameTransactionId() {
    connectWithCalendars();
    f.service.events().create(USER, review); // the calendar's providers are now known
    f.events.transactionIds.clear();
    f.events.failures.add(FakeGraph.unauthorized());

    CalendarEvent event = f.service.events().create(USER, review);

    assertThat(f.events.transactionIds).hasSize(2).containsOnly(f.events.transactionIds.get(0));
    assertThat(event.transactionId()).contains(f.events.transactionIds.get(0));
    assertThat(f.events.events).hasSize(2);
  }

  // --- the calendar's providers ---------------------------------------------------------------

  @Test
  void aCalendarWithoutTeamsFailsBeforeAnythingIsCreated() {
    connectWithCalendars();
    f.events.allowedProviders = List.of("skypeForBusiness");

    TeamsMeetingUnavailableException e =
        catchThrowableOfType(
            TeamsMeetingUnavailableException.class, () -> f.service.events().create(USER, review));

    assertThat(e).isNotNull();
    assertThat(e.eventId()).isEmpty();
    assertThat(e.allowedProviders()).containsExactly("skypeForBusiness");
    assertThat(e.isRetryable()).isFalse();
    assertThat(f.events.transactionIds).isEmpty();
    assertThat(f.events.events).isEmpty();
  }

  @Test
  void anEmptyProviderListLetsTheCreateDecide() {
    connectWithCalendars();
    f.events.allowedProviders = List.of();

    assertThat(f.service.events().create(USER, review).joinUrl()).isNotNull();
  }

  @Test
  void theProvidersAreReadOncePerUserAndKeptFiveMinutes() {
    connectWithCalendars();
    f.connect("user-2", "ben@contoso.com");

    f.service.events().create(USER, review);
    f.service.events().create(USER, review);
    assertThat(f.events.providerReads).hasValue(1);

    f.service.events().create("user-2", review);
    assertThat(f.events.providerReads).hasValue(2);

    // an admin turns Teams off: the cached answer still holds for up to five minutes
    f.events.allowedProviders = List.of("skypeForBusiness");
    f.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    f.service.events().create(USER, review);
    assertThat(f.events.providerReads).hasValue(2);

    f.clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> f.service.events().create(USER, review))
        .isInstanceOf(TeamsMeetingUnavailableException.class);
    assertThat(f.events.providerReads).hasValue(3);
    assertThat(f.events.events).hasSize(4);
  }

  @Test
  void anEventGraphReturnsWithoutTeamsIsAnErrorNamingItNotAnUnknownOutcome() {
    connectWithCalendars();
    f.service.events().create(USER, review);
    f.events.failures.add(FakeEvents.withoutTeams("AAMkAGI2TG93AAA=skype"));

    TeamsMeetingUnavailableException e =
        catchThrowableOfType(
            TeamsMeetingUnavailableException.class, () -> f.service.events().create(USER, review));

    assertThat(e.eventId()).contains("AAMkAGI2TG93AAA=skype");
    assertThat(e.provider()).contains("unknown");
    assertThat(f.events.calls).hasValue(3); // providers, first create, this one: not retried
  }

  // --- scopes -----------------------------------------------------------------------------------

  @Test
  void withoutTheScopeConfiguredEveryCallIsAConfigurationError() {
    try (Fixture plain = new Fixture()) {
      assertThatThrownBy(() -> plain.service.events().create(USER, review))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Calendars.ReadWrite");
      assertThat(plain.events.calls).hasValue(0);
    }
  }

  @Test
  void aGrantKnownToLackTheScopeNeedsConsentBeforeAnyCall() {
    grant(Set.of("OnlineMeetings.ReadWrite", "openid"));
    f.connect(USER, "ana@contoso.com");

    assertThatThrownBy(() -> f.service.events().create(USER, review))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(ReauthorizationRequiredException.Reason.SCOPES_REQUIRED);
              assertThat(e.missingScopes()).containsExactly("Calendars.ReadWrite");
            });
    assertThat(f.events.calls).hasValue(0);
    // incremental consent: the next connection asks for every configured scope
    String url = URLDecoder.decode(f.service.beginConnect(USER).toString(), StandardCharsets.UTF_8);
    assertThat(url).contains("Calendars.ReadWrite", "OnlineMeetings.ReadWrite");
  }

  @Test
  void a403WithUnknownGrantedScopesIsConsentNeededForTheScope() {
    grant(Set.of()); // the token answer named no scopes
    f.connect(USER, "ana@contoso.com");
    f.events.failures.add(forbidden());

    ReauthorizationRequiredException e =
        catchThrowableOfType(
            ReauthorizationRequiredException.class, () -> f.service.events().create(USER, review));

    assertThat(e.reason()).isEqualTo(ReauthorizationRequiredException.Reason.SCOPES_REQUIRED);
    assertThat(e.missingScopes()).containsExactly("Calendars.ReadWrite");
    assertThat(e.getCause()).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.details().status()).isEqualTo(403);
    assertThat(f.events.calls).hasValue(1);
  }

  @Test
  void a403WithTheScopeGrantedStaysPermissionDenied() {
    connectWithCalendars();
    f.events.failures.add(forbidden());

    assertThatThrownBy(() -> f.service.events().get(USER, "AAMkAGI2TG93AAA="))
        .isInstanceOf(PermissionDeniedException.class);
  }

  // --- creating once ----------------------------------------------------------------------------

  @Test
  void theTransactionIdIsTheSameOnEveryRetryOfOneCreate() {
    connectWithCalendars();
    f.service.events().create(USER, review);
    f.events.transactionIds.clear();
    f.events.failures.add(failure(500, true));
    f.events.failures.add(ThrottledException.of(null, ErrorDetails.builder().status(503).build()));
    f.events.failures.add(failure(0, true)); // a timeout

    CalendarEvent event = f.service.events().create(USER, review);

    assertThat(f.events.calls).hasValue(2 + 4);
    assertThat(f.events.transactionIds).hasSize(4).containsOnly(f.events.transactionIds.get(0));
    assertThat(event.transactionId()).contains(f.events.transactionIds.get(0));
    assertThat(f.sleeps).hasSize(3);
  }

  @Test
  void retriesAfterTheEventWasCreatedGiveBackTheSameEvent() {
    connectWithCalendars();
    f.events.failuresAfterCreate.add(failure(0, true)); // created, answer lost
    f.events.failuresAfterCreate.add(failure(504, true));

    CalendarEvent event = f.service.events().create(USER, review);

    assertThat(f.events.events).hasSize(1);
    assertThat(f.events.transactionIds).hasSize(3).containsOnly(f.events.transactionIds.get(0));
    assertThat(event.transactionId()).contains(f.events.transactionIds.get(0));
  }

  @Test
  void eachCreateDrawsItsOwnTransactionIdUnlessTheRequestNamesOne() {
    connectWithCalendars();
    f.service.events().create(USER, review);
    f.service.events().create(USER, review);
    EventRequest named =
        EventRequest.builder("Named", review.start(), review.end()).transactionId("tx-42").build();
    CalendarEvent first = f.service.events().create(USER, named);
    CalendarEvent again = f.service.events().create(USER, named);

    assertThat(f.events.transactionIds.get(0)).isNotEqualTo(f.events.transactionIds.get(1));
    assertThat(f.events.transactionIds.subList(2, 4)).containsExactly("tx-42", "tx-42");
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(f.events.events).hasSize(3);
  }

  @Test
  void anUnknownOutcomeCarriesTheTransactionIdAndCreatingAgainWithItCreatesOnce() {
    connectWithCalendars();
    for (int i = 0; i < 4; i++) {
      f.events.failuresAfterCreate.add(failure(0, true));
    }

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> f.service.events().create(USER, review));

    assertThat(e).isNotNull();
    assertThat(e.operation()).isEqualTo("the event creation");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.transactionId()).isPresent();
    assertThat(f.events.transactionIds).containsOnly(e.transactionId().get());
    assertThat(e.getMessage()).contains("transactionId");
    assertThat(f.events.events).hasSize(1);

    EventRequest again =
        EventRequest.builder(review.subject(), review.start(), review.end())
            .invite(review.invitees())
            .transactionId(e.transactionId().get())
            .build();
    CalendarEvent event = f.service.events().create(USER, again);

    assertThat(f.events.events).hasSize(1);
    assertThat(event.transactionId()).contains(e.transactionId().get());
  }

  @Test
  void aRefusedCreateIsNotAnUnknownOutcome() {
    connectWithCalendars();
    f.service.events().create(USER, review);
    f.events.failures.add(failure(400, false));

    assertThatThrownBy(() -> f.service.events().create(USER, review))
        .isExactlyInstanceOf(TeamsServiceException.class);
  }
}
