package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeetingTest {

  private static final URI JOIN = URI.create("https://teams.microsoft.com/l/meetup-join/x");
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private static Meeting full() {
    return Meeting.builder("m1", JOIN)
        .subject("Design review")
        .times(START, START.plusSeconds(1800))
        .createdAt(START.minusSeconds(60))
        .joinMeetingId("123456789012", "Xy7pQ2")
        .passcodeRequired(true)
        .dialIn(new DialIn(Optional.of("555"), Optional.empty(), List.of("+1 555 0100"), List.of()))
        .organizer(
            new Organizer(Optional.of("oid"), Optional.of("ana@contoso.com"), Optional.empty()))
        .attendees(
            List.of(
                new Attendee("bo@contoso.com", Attendee.Role.PRESENTER),
                new Attendee("cy@contoso.com", Attendee.Role.UNKNOWN)))
        .lobbyBypass(new LobbyBypass(LobbyBypass.Scope.INVITED, true))
        .allowedPresenters(AllowedPresenters.ROLE_IS_PRESENTER)
        .externalId("k-1")
        .chatThreadId("19:meeting_x@thread.v2")
        .build();
  }

  @Test
  void onlyIdAndJoinUrlAreRequiredAndEverythingElseStartsEmpty() {
    Meeting m = Meeting.builder("m1", JOIN).build();

    assertThat(m.subject()).isEmpty();
    assertThat(m.passcodeRequired()).isEmpty();
    assertThat(m.attendees()).isEmpty();
    assertThat(m.lobbyBypass()).isEmpty();
    assertThat(m.allowedPresenters()).isEmpty();
    assertThatThrownBy(() -> Meeting.builder(" ", JOIN).build()).hasMessageContaining("id");
    assertThatThrownBy(() -> Meeting.builder("m1", null).build()).hasMessageContaining("joinUrl");
  }

  @Test
  void toBuilderCopiesEveryFieldAndEqualityIsByValue() {
    Meeting m = full();

    assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
    assertThat(m.toBuilder().subject("Other").build()).isNotEqualTo(m);
    assertThat(m.toBuilder().attendees(null).build().attendees()).isEmpty();
    assertThat(m.toBuilder().passcodeRequired(false).build()).isNotEqualTo(m);
  }

  @Test
  void theAttendeeListIsAnUnmodifiableCopy() {
    List<Attendee> attendees = new ArrayList<>(List.of(Attendee.of("a@contoso.com")));
    Meeting m = Meeting.builder("m1", JOIN).attendees(attendees).build();
    attendees.add(Attendee.of("b@contoso.com"));

    assertThat(m.attendees()).containsExactly(Attendee.of("a@contoso.com"));
    assertThatThrownBy(() -> m.attendees().add(Attendee.of("c@contoso.com")))
        .isInstanceOf(UnsupportedOperationException.class);
    List<Attendee> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> Meeting.builder("m1", JOIN).attendees(withNull))
        .hasMessageContaining("attendees[0]");
  }

  @Test
  void toStringListsThePresentFieldsWithoutOptionalWrappers() {
    assertThat(Meeting.builder("m1", JOIN).build().toString())
        .isEqualTo("Meeting[id=m1, joinUrl=" + JOIN + "]");
    assertThat(full().toString())
        .startsWith("Meeting[id=m1, joinUrl=" + JOIN + ", subject=Design review, start=")
        .contains("passcode=Xy7pQ2", "passcodeRequired=true")
        .contains("attendees=[Attendee[upn=bo@contoso.com, role=PRESENTER]")
        .contains("lobbyBypass=LobbyBypass[scope=INVITED, dialInBypass=true]")
        .contains("allowedPresenters=ROLE_IS_PRESENTER")
        .doesNotContain("subject=Optional", "passcode=Optional", "lobbyBypass=Optional");
  }
}
