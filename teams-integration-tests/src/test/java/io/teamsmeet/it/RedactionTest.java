package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.Connection;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.store.StoredGrant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the SDK hands the application prints no secret: the entry point (client secret), the
 * connection and its status, the stored grant (ciphertext), a meeting. Checked here against this
 * test's own secrets, and again by {@link LeakScanTest} against every secret of the suite.
 */
class RedactionTest extends SecurityFixture {

  @Test
  void nothingTheApplicationCanPrintHoldsASecret() {
    Connection connection = rig.connect(teams, "print-user", Rig.ANA);
    Meeting meeting =
        teams
            .meetings()
            .create(
                "print-user",
                MeetingRequest.of(
                    "Printed", Instant.parse("2031-02-02T10:00:00Z"), Duration.ofMinutes(20)));
    ConnectionStatus status = teams.status("print-user");
    StoredGrant grant = store.load("print-user").orElseThrow();
    Secrets.ciphertext(grant.ciphertext());
    rig.harvest();

    String printed =
        String.join(
            "\n",
            teams.toString(),
            connection.toString(),
            status.toString(),
            grant.toString(),
            meeting.toString(),
            store.toString());
    for (Object o : new Object[] {teams, connection, status, grant, meeting, store}) {
      Secrets.printed(o);
    }

    assertThat(printed).doesNotContain(Rig.CLIENT_SECRET);
    assertThat(grant.toString()).contains("redacted");
    assertThat(new LeakScanner(Secrets.all()).leaks(printed, "toString()")).isEmpty();
  }
}
