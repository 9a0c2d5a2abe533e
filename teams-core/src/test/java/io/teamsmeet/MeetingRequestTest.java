package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.Attendee;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeetingRequestTest {

  private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void ofComputesTheEndAndAsksForAPasscode() {
    MeetingRequest r = MeetingRequest.of("Review", start, Duration.ofMinutes(30));

    assertThat(r.end()).isEqualTo(start.plusSeconds(1800));
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
    assertThatThrownBy(() -> MeetingRequest.builder().subject("x").start(start).end(start.minusSeconds(1)).build())
        .hasMessageContaining("end must be after start");
    assertThatThrownBy(() -> MeetingRequest.builder().subject("x").start(start).build())
        .hasMessageContaining("end or duration");
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
