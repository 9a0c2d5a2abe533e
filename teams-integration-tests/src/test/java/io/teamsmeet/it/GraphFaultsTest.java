package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.Connection;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingNotFoundException;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.testkit.RetryAfter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fault matrix, Graph: throttling in every {@code Retry-After} form, 503 bursts, 401s, 403, 404,
 * and broken connections, on plain create (retried only when Graph proved it did not process the
 * request, so never a duplicate) and on create-or-get with an external id (idempotent, retried on
 * any transient failure). None of these touches the stored grant, except a 401, after which the
 * grant is properly rotated by the one refresh it causes.
 */
class GraphFaultsTest extends OneConnectedUser {

  private static final MeetingRequest KEYED = REQUEST.withExternalId("interview-8841");

  private int posts() {
    return fake.journal().graphCalls("POST").size();
  }

  @Test
  void a429WithRetryAfterInSecondsIsWaitedOutAndRetried() {
    StoredGrant before = stored();
    fake.graph().throttleNext(1, RetryAfter.seconds(1));

    create();

    assertThat(posts()).isEqualTo(3); // the setup's, the throttled one, the retry
    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void a429WithRetryAfterInDecimalSecondsIsWaitedOutAndRetried() {
    StoredGrant before = stored();
    fake.graph().throttleNext(2, RetryAfter.decimalSeconds(Duration.ofMillis(150)));

    create();

    assertThat(posts()).isEqualTo(4);
    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void a429WithRetryAfterAsAnHttpDateIsWaitedOutAndRetried() {
    StoredGrant before = stored();
    fake.graph().throttleNext(1, RetryAfter.httpDate(Duration.ofSeconds(1)));

    create();

    assertThat(posts()).isEqualTo(3);
    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void a429WithoutRetryAfterIsRetriedWithBackoff() {
    StoredGrant before = stored();
    fake.graph().throttleNext(3, RetryAfter.none());

    create();

    assertThat(posts()).isEqualTo(5);
    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void a429AskingForLongerThanTheRetryBudgetIsAThrottledExceptionCarryingTheWait() {
    StoredGrant before = stored();
    fake.graph().throttleNext(1, RetryAfter.seconds(120));

    ThrottledException e = catchThrowableOfType(this::create, ThrottledException.class);
    Secrets.thrown(e);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.details().status()).isEqualTo(429);
    assertThat(e.details().requestId()).isPresent();
    assertThat(posts()).as("no attempt is made that cannot be waited for").isEqualTo(2);
    assertThat(meetings()).isEqualTo(1);
    assertUnchanged(before);
  }

  @Test
  void a503BurstWithRetryAfterThenSuccessCreatesExactlyOneMeeting() {
    StoredGrant before = stored();
    fake.graph().failNext(3, RetryAfter.seconds(0));

    Meeting meeting = create();

    assertThat(posts()).isEqualTo(5);
    assertThat(meetings()).isEqualTo(2);
    assertThat(fake.meetings(Rig.ANA.userPrincipalName()))
        .extracting(Meeting::id)
        .contains(meeting.id());
    assertUnchanged(before);
  }

  @Test
  void a503WithoutRetryAfterOnAPlainCreateIsNotRetriedBecauseItMayHaveBeenProcessed() {
    StoredGrant before = stored();
    fake.graph().failNext(2, RetryAfter.none());

    OutcomeUnknownException e = catchThrowableOfType(this::create, OutcomeUnknownException.class);
    Secrets.thrown(e);

    assertThat(e.details().status()).isEqualTo(503);
    assertThat(e.isRetryable()).as("retrying could create the meeting twice").isFalse();
    assertThat(e.getCause()).isInstanceOf(ThrottledException.class);
    assertThat(posts()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void a503BurstWithoutRetryAfterOnCreateOrGetIsRetriedAndCreatesExactlyOneMeeting() {
    StoredGrant before = stored();
    fake.graph().failNext(3, RetryAfter.none());

    Meeting first = teams.meetings().create(USER, KEYED);
    Meeting again = teams.meetings().create(USER, KEYED);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(fake.meetings(Rig.ANA.userPrincipalName()))
        .filteredOn(m -> m.externalId().equals(KEYED.externalId()))
        .hasSize(1);
    assertUnchanged(before);
  }

  @Test
  void a503BurstLongerThanThePolicyIsAThrottledException() {
    StoredGrant before = stored();
    fake.graph().failNext(4, RetryAfter.seconds(0));

    ThrottledException e = catchThrowableOfType(this::create, ThrottledException.class);
    Secrets.thrown(e);

    assertThat(e.details().status()).isEqualTo(503);
    assertThat(posts()).isEqualTo(5);
    assertThat(meetings()).isEqualTo(1);
    assertUnchanged(before);
    create();
    assertThat(meetings()).isEqualTo(2);
  }

  @Test
  void a401RefreshesOnceRetriesOnceAndRotatesTheGrant() {
    StoredGrant before = stored();
    fake.expireAccessTokens(Rig.ANA.userPrincipalName());

    create();

    assertThat(fake.journal().graphCalls("POST"))
        .extracting(r -> r.status())
        .containsExactly(201, 401, 201);
    assertThat(fake.refreshCount()).isEqualTo(1);
    assertThat(meetings()).isEqualTo(2);
    assertRotated(before);
  }

  /**
   * Also pins what the Javadoc of {@code Reason.TOKEN_REJECTED} and {@code status()} promise: the
   * grant is not dead (Microsoft just refreshed it), so it is kept and {@code status()} still says
   * {@code CONNECTED} with the same connection; the next call works once Graph accepts the token;
   * an application that wants "not connected" at once calls {@code disconnect} itself.
   */
  @Test
  void a401TwiceIsReauthorizationRequiredAndTheRotatedGrantIsKept() {
    Connection connection = teams.status(USER).connection().orElseThrow();
    try (MicrosoftProxy proxy = new MicrosoftProxy(fake);
        TeamsMeetings viaProxy =
            rig.sdk(store, keys, proxy.identityBaseUri(), proxy.graphBaseUri()).build()) {
      viaProxy.meetings().create(USER, REQUEST); // a new instance: its first call refreshes
      int refreshes = fake.refreshCount();
      StoredGrant before = stored();
      proxy.graphUnauthorizedNext(2);

      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> viaProxy.meetings().create(USER, REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(ReauthorizationRequiredException.Reason.TOKEN_REJECTED);
      assertThat(e.userId()).contains(USER);
      assertThat(e.details().status()).isEqualTo(401);
      assertThat(proxy.graph401Served).hasValue(2);
      assertThat(fake.refreshCount())
          .as("refreshed once between the two 401s")
          .isEqualTo(refreshes + 1);
      assertThat(meetings()).isEqualTo(2);
      assertThat(e.reason().grantIsDead()).isFalse();
      assertThat(teams.status(USER).state()).isEqualTo(ConnectionStatus.State.CONNECTED);
      assertThat(viaProxy.status(USER).connection()).contains(connection);
      assertRotated(before);

      viaProxy.disconnect(USER);
      assertThat(viaProxy.status(USER).state()).isEqualTo(ConnectionStatus.State.NOT_CONNECTED);
    }
  }

  @Test
  void a403WithoutTeamsLicenceIsPermissionDeniedWithGraphsCode() {
    StoredGrant before = stored();
    fake.teamsLicensed(Rig.ANA.userPrincipalName(), false);

    PermissionDeniedException e =
        catchThrowableOfType(this::create, PermissionDeniedException.class);
    Secrets.thrown(e);

    assertThat(e.details().status()).isEqualTo(403);
    assertThat(e.details().code()).contains("Forbidden");
    assertThat(e.details().requestId()).isPresent();
    assertThat(posts()).as("not retried").isEqualTo(2);
    assertThat(fake.refreshCount()).as("no refresh: the token is fine").isZero();
    assertUnchanged(before);
  }

  @Test
  void a404IsMeetingNotFound() {
    StoredGrant before = stored();

    MeetingNotFoundException get =
        catchThrowableOfType(
            () ->
                teams
                    .meetings()
                    .get(USER, "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_no-such"),
            MeetingNotFoundException.class);
    MeetingNotFoundException delete =
        catchThrowableOfType(
            () ->
                teams
                    .meetings()
                    .delete(USER, "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_no-such"),
            MeetingNotFoundException.class);
    Secrets.thrown(get);
    Secrets.thrown(delete);

    assertThat(get.details().status()).isEqualTo(404);
    assertThat(get.details().code()).isPresent();
    assertThat(delete.details().status()).isEqualTo(404);
    assertUnchanged(before);
  }

  @Test
  void aResetDuringAPlainCreateIsNotRetriedAndCreatesNothing() {
    StoredGrant before = stored();
    fake.graph().resetNext(1);

    OutcomeUnknownException e = catchThrowableOfType(this::create, OutcomeUnknownException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isZero();
    assertThat(e.isRetryable()).as("retrying could create the meeting twice").isFalse();
    assertThat(meetings()).isEqualTo(1);
    assertUnchanged(before);
  }

  @Test
  void aResetDuringCreateOrGetIsRetried() {
    StoredGrant before = stored();
    fake.graph().resetNext(2);

    teams.meetings().create(USER, KEYED);

    assertThat(meetings()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void aPlainCreateThatTimesOutAfterGraphCreatedTheMeetingIsNotRetriedSoNoDuplicate() {
    teams.close();
    teams = sdk(b -> b.requestTimeout(Duration.ofMillis(600)));
    create(); // a new instance: its first call refreshes
    StoredGrant before = stored();
    fake.graph().slowNext(1, Duration.ofMillis(1500));

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e)
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining(
            "no complete response from Microsoft Graph within 600 ms (requestTimeout)");
    assertThat(meetings()).as("Graph did create it; the SDK did not send it again").isEqualTo(3);
    assertThat(posts()).isEqualTo(3);
    assertUnchanged(before);
  }

  @Test
  void aCreateOrGetThatTimesOutIsRetriedAndYieldsTheOneMeetingGraphCreated() {
    teams.close();
    teams = sdk(b -> b.requestTimeout(Duration.ofMillis(600)));
    create(); // a new instance: its first call refreshes
    StoredGrant before = stored();
    fake.graph().slowNext(1, Duration.ofMillis(1500));

    Meeting meeting = teams.meetings().create(USER, KEYED);

    assertThat(fake.meetings(Rig.ANA.userPrincipalName()))
        .filteredOn(m -> m.externalId().equals(KEYED.externalId()))
        .extracting(Meeting::id)
        .containsExactly(meeting.id());
    assertUnchanged(before);
  }

  @Test
  void aTruncatedCreateAnswerIsATypedFailureAndNoDuplicate() {
    StoredGrant before = stored();
    fake.graph().truncateNext(1);

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.isRetryable()).isFalse();
    assertThat(meetings()).isEqualTo(2);
    assertThat(posts()).isEqualTo(2);
    assertUnchanged(before);
  }

  @Test
  void anHtml502OnAPlainCreateIsATypedFailureAndCreatesNothing() {
    StoredGrant before = stored();
    fake.graph().malformedNext(1);

    TeamsServiceException e = catchThrowableOfType(this::create, TeamsServiceException.class);
    Secrets.thrown(e);

    assertThat(e.status()).isEqualTo(502);
    assertThat(meetings()).isEqualTo(1);
    assertUnchanged(before);
  }
}
