package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeetingRequestTest {

  private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void ofComputesTheEndAndAsksForAPasscode() {
    MeetingRequest r = MeetingRequest.of("Review", start, Duration.ofMinutes(30));

    assertThat(r.start()).contains(start);
    assertThat(r.end()).contains(start.plusSeconds(1800));
    assertThat(r.passcodeRequired()).isTrue();
    assertThat(r.externalId()).isEmpty();
    assertThat(r.withExternalId("k-1").externalId()).contains("k-1");
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(() -> MeetingRequest.of(" ", start, Duration.ofMinutes(5)))
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> MeetingRequest.of("x", null, Duration.ofMinutes(5)))
        .hasMessageContaining("start");
    assertThatThrownBy(() -> MeetingRequest.of("x", start, Duration.ZERO))
        .hasMessageContaining("duration");
    assertThatThrownBy(
            () ->
                MeetingRequest.builder()
                    .subject("x")
                    .start(start)
                    .end(start.minusSeconds(1))
                    .build())
        .hasMessageContaining("end must be after start");
    assertThatThrownBy(() -> MeetingRequest.builder().subject("x").start(start).build())
        .hasMessageContaining("end or duration is required with start");
    assertThatThrownBy(() -> MeetingRequest.builder().externalId(""))
        .hasMessageContaining("externalId");
    assertThatThrownBy(() -> MeetingRequest.builder().attendee(null))
        .hasMessageContaining("attendee");
    assertThatThrownBy(() -> Attendee.of(" ")).hasMessageContaining("attendee.upn");
    assertThatThrownBy(
            () ->
                new MeetingUpdate(
                    Optional.empty(), Optional.of(start), Optional.empty(), null, null, null))
        .hasMessageContaining("start and end must be changed together");
  }

  @Test
  void aSubjectAloneLeavesTheTimesToGraph() {
    MeetingRequest r = MeetingRequest.of("Quick sync");

    assertThat(r.subject()).isEqualTo("Quick sync");
    assertThat(r.start()).isEmpty();
    assertThat(r.end()).isEmpty();
    assertThat(r.passcodeRequired()).isTrue();
    assertThat(MeetingRequest.builder().subject("Quick sync").build()).isEqualTo(r);
    assertThat(r.withExternalId("k-1").start()).isEmpty();
  }

  @Test
  void aSubjectAloneStillNeedsASubject() {
    assertThatThrownBy(() -> MeetingRequest.of(" ")).hasMessageContaining("subject");
    assertThatThrownBy(() -> MeetingRequest.of(null)).hasMessageContaining("subject");
    assertThatThrownBy(() -> MeetingRequest.builder().build()).hasMessageContaining("subject");
  }

  @Test
  void halfATimeIsRefusedNamingTheMissingField() {
    assertThatThrownBy(() -> MeetingRequest.builder().subject("x").end(start).build())
        .hasMessageContaining("start must be given with end");
    assertThatThrownBy(
            () -> MeetingRequest.builder().subject("x").duration(Duration.ofMinutes(5)).build())
        .hasMessageContaining("start is required with a duration");
    assertThatThrownBy(
            () ->
                new MeetingRequest(
                    "x", Optional.of(start), Optional.empty(), null, null, null, null, true))
        .hasMessageContaining("end must be given with start");
    assertThatThrownBy(
            () -> new MeetingRequest("x", null, Optional.of(start), null, null, null, null, true))
        .hasMessageContaining("start must be given with end");
    assertThatThrownBy(
            () ->
                new MeetingRequest(
                    "x", Optional.of(start), Optional.of(start), null, null, null, null, true))
        .hasMessageContaining("end must be after start");
  }

  @Test
  void readOnlyUnknownValuesAreRefusedInRequestsAndUpdates() {
    Attendee unknown = new Attendee("p@contoso.com", Attendee.Role.UNKNOWN);
    LobbyBypass unknownScope = LobbyBypass.of(LobbyBypass.Scope.UNKNOWN);

    assertThatThrownBy(() -> MeetingRequest.builder().attendee(unknown))
        .hasMessageContaining("attendee.role must not be UNKNOWN");
    assertThatThrownBy(() -> MeetingRequest.builder().lobbyBypass(unknownScope))
        .hasMessageContaining("lobbyBypass.scope");
    assertThatThrownBy(() -> MeetingRequest.builder().allowedPresenters(AllowedPresenters.UNKNOWN))
        .hasMessageContaining("allowedPresenters");
    assertThatThrownBy(
            () ->
                new MeetingRequest(
                    "x",
                    null,
                    null,
                    null,
                    List.of(Attendee.of("a@contoso.com"), unknown),
                    null,
                    null,
                    true))
        .hasMessageContaining("attendees[1].role");
    assertThatThrownBy(() -> MeetingUpdate.builder().attendees(List.of(unknown)))
        .hasMessageContaining("attendees[0].role");
    assertThatThrownBy(() -> MeetingUpdate.builder().lobbyBypass(unknownScope))
        .hasMessageContaining("lobbyBypass.scope");
    assertThatThrownBy(
            () ->
                new MeetingUpdate(
                    null, null, null, null, null, Optional.of(AllowedPresenters.UNKNOWN)))
        .hasMessageContaining("allowedPresenters");
  }

  @Test
  void requestsAreImmutableCopies() {
    MeetingRequest.Builder builder =
        MeetingRequest.builder().subject("x").start(start).duration(Duration.ofMinutes(5));
    MeetingRequest first = builder.attendee(Attendee.of("a@contoso.com")).build();
    builder.attendee(Attendee.of("b@contoso.com"));

    assertThat(first.attendees()).hasSize(1);
    assertThatThrownBy(() -> first.attendees().add(Attendee.of("c@contoso.com")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
