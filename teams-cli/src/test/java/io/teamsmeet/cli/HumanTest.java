package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanTest {

  @Test
  void theReadBackSettingsArePrintedInWords() {
    Meeting m =
        Meeting.builder("m1", URI.create("https://teams.microsoft.com/l/meetup-join/x"))
            .lobbyBypass(new LobbyBypass(LobbyBypass.Scope.ORGANIZATION_AND_FEDERATED, true))
            .allowedPresenters(AllowedPresenters.ROLE_IS_PRESENTER)
            .attendees(
                List.of(
                    new Attendee("bob@contoso.com", Attendee.Role.PRESENTER),
                    new Attendee("p@contoso.com", Attendee.Role.UNKNOWN)))
            .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Human.meeting(new PrintStream(bytes, true, StandardCharsets.UTF_8), "", m);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("lobby bypass:    organization and federated; dial-in callers too")
        .contains("presenters:      role is presenter")
        .contains("attendees:       bob@contoso.com (presenter), p@contoso.com (unknown)");
  }
}
