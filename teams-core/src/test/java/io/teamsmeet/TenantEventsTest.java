package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar events in application mode, in the core: {@link EventPort#forUser} with the tenant's
 * token, the delegated rules (transactionId, outcome unknown, calendar check), no policy wall.
 */
class TenantEventsTest {

  /** An event port that serves only {@code /users/{id}}: every {@code /me} call fails the test. */
  static final class AppEvents implements EventPort {
    final List<String> seen = new CopyOnWriteArrayList<>(); // user|token per call
    final List<String> transactionIds = new CopyOnWriteArrayList<>();
    final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger providerReads = new AtomicInteger();
    volatile List<String> allowed = List.of("teamsForBusiness");

    @Override
    public EventPort forUser(GraphUser user) {
      return new EventPort() {
        private void call(AccessToken token) {
          seen.add(user.value() + "|" + token.value());
          RuntimeException failure = failures.poll();
          if (failure != null) {
            throw failure;
          }
        }

        @Override
        public CalendarEvent create(
            AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
          transactionIds.add(transactionId);
          call(token);
          creates.incrementAndGet();
          return event("AAMk-" + transactionId);
        }

        @Override
        public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
          call(token);
          return event(eventId);
        }

        @Override
        public CalendarEvent update(
            AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
          call(token);
          return event(eventId);
        }

        @Override
        public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
          call(token);
        }

        @Override
        public void delete(AccessToken token, String eventId, Deadline deadline) {
          call(token);
        }

        @Override
        public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
          call(token);
          providerReads.incrementAndGet();
          return allowed;
        }
      };
    }

    static CalendarEvent event(String id) {
      return CalendarEvent.builder(
              id, URI.create("https://teams.microsoft.com/l/meetup-join/" + id))
          .build();
    }

    private static AssertionError me() {
      return new AssertionError("application mode must not call /me");
    }

    @Override
    public CalendarEvent create(
        AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
      throw me();
    }

    @Override
    public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
      throw me();
    }

    @Override
    public CalendarEvent update(
        AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
      throw me();
    }

    @Override
    public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
      throw me();
    }

    @Override
    public void delete(AccessToken token, String eventId, Deadline deadline) {
      throw me();
    }

    @Override
    public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
      throw me();
    }
  }

  private final Fixture f = new Fixture();
  private final AppEvents events = new AppEvents();
  private final TeamsMeetings teams =
      f.builder(f.store, f.keys)
          .ports(new AppTokensTest.AppAuth(f.identity, f.clock), f.graph, events)
          .build();
  private final GraphUser ana = GraphUser.upn("ana@contoso.com");
  private final EventRequest consultation =
      EventRequest.builder(
              "Consultation",
              ZonedDateTime.of(2027, 3, 22, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
              Duration.ofMinutes(30))
          .build();

  @AfterEach
  void close() {
    teams.close();
    f.close();
  }

  private static TeamsServiceException failure(int status, boolean retryable) {
    return TeamsServiceException.of(
        "Graph failed", ErrorDetails.builder().status(status).build(), retryable, null);
  }

  @Test
  void everyCallGoesToTheUserWithTheTenantsTokenAndTheCalendarIsReadOncePerUser() {
    TenantEvents contoso = teams.forTenant("contoso.com").events();
    contoso.create(ana, consultation);
    contoso.create(ana, consultation);
    contoso.get(ana, "AAMk-1");
    contoso.update(ana, "AAMk-1", EventUpdate.builder().subject("Moved").build());
    contoso.cancel(ana, "AAMk-1", "Sorry");
    contoso.delete(ana, "AAMk-1");

    assertThat(events.seen).hasSize(7).allMatch(s -> s.equals("ana@contoso.com|app-contoso.com-1"));
    assertThat(events.providerReads).hasValue(1);
    assertThat(events.transactionIds).doesNotHaveDuplicates();
    assertThat(contoso.tenant()).isEqualTo("contoso.com");
  }

  @Test
  void anUnknownOutcomeCarriesTheTransactionIdOfEveryAttempt() {
    TenantEvents contoso = teams.forTenant("contoso.com").events();
    contoso.create(ana, consultation); // reads the calendar (cached from now on)
    events.transactionIds.clear();
    for (int i = 0; i < 10; i++) {
      events.failures.add(failure(0, true));
    }

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> contoso.create(ana, consultation));
    events.failures.clear();

    assertThat(e).isNotNull();
    assertThat(e.operation()).isEqualTo("the event creation");
    assertThat(e.transactionId()).isPresent();
    assertThat(events.transactionIds).hasSizeGreaterThan(1).containsOnly(e.transactionId().get());
  }

  @Test
  void aForbiddenCalendarIsNotReportedAsTheTeamsPolicyWall() {
    events.failures.add(
        PermissionDeniedException.of(
            ErrorDetails.builder()
                .status(403)
                .code("Forbidden")
                .description("No application access policy found for this app.")
                .build()));
    assertThatThrownBy(() -> teams.forTenant("contoso.com").events().get(ana, "AAMk-1"))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            p -> assertThat(p.reason()).isEqualTo(PermissionDeniedException.Reason.DENIED));
  }

  @Test
  void aCalendarWithoutTeamsFailsBeforeTheCreate() {
    events.allowed = List.of("skypeForBusiness");
    assertThatThrownBy(() -> teams.forTenant("contoso.com").events().create(ana, consultation))
        .isInstanceOf(TeamsMeetingUnavailableException.class);
    assertThat(events.creates).hasValue(0);
  }

  @Test
  void anEventPortWithoutForUserIsAConfigurationError() {
    TeamsMeetings plain =
        f.builder(f.store, f.keys)
            .ports(new AppTokensTest.AppAuth(f.identity, f.clock), f.graph, f.events)
            .build();
    try {
      assertThatThrownBy(() -> plain.forTenant("contoso.com").events().get(ana, "AAMk-1"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("EventPort.forUser");
    } finally {
      plain.close();
    }
  }
}
