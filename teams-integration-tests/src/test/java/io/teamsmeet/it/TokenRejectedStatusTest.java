package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.teamsmeet.core.Connection;
import io.teamsmeet.core.ConnectionStatus;
import io.teamsmeet.core.ReauthorizationRequiredException;
import io.teamsmeet.core.ReauthorizationRequiredException.Reason;
import io.teamsmeet.feign.TeamsMeetings;
import org.junit.jupiter.api.Test;

/**
 * Pins what the Javadoc of {@code Reason.TOKEN_REJECTED}, {@code ConnectionStatus} and {@code
 * status()} promise: Graph refusing a freshly refreshed token (401, refresh, 401) asks for a
 * reconnect, but the grant is not dead (Microsoft just refreshed it), so it is kept and {@code
 * status()} still says {@code CONNECTED} with the same connection; when Graph accepts the account
 * again the next call works without a reconnect; and an application that wants {@code status()} to
 * say "not connected" at once calls {@code disconnect} itself, as documented.
 */
class TokenRejectedStatusTest extends OneConnectedUser {

  @Test
  void aRejectedTokenAsksForAReconnectWhileStatusStillReportsTheStoredGrant() {
    Connection before = teams.status(USER).connection().orElseThrow();
    try (MicrosoftProxy proxy = new MicrosoftProxy(fake);
        TeamsMeetings viaProxy =
            rig.sdk(store, keys, proxy.identityBaseUri(), proxy.graphBaseUri()).build()) {
      proxy.graphUnauthorizedNext(2);

      ReauthorizationRequiredException e =
          catchThrowableOfType(
              () -> viaProxy.meetings().create(USER, REQUEST),
              ReauthorizationRequiredException.class);
      Secrets.thrown(e);

      assertThat(e.reason()).isEqualTo(Reason.TOKEN_REJECTED);
      assertThat(e.reason().grantIsDead()).isFalse();
      ConnectionStatus status = viaProxy.status(USER);
      assertThat(status.state()).isEqualTo(ConnectionStatus.State.CONNECTED);
      assertThat(status.connection()).contains(before);
      assertThat(store.load(USER)).as("the grant is kept").isPresent();

      int meetings = meetings();
      viaProxy.meetings().create(USER, REQUEST);
      assertThat(meetings()).as("works again without a reconnect").isEqualTo(meetings + 1);

      viaProxy.disconnect(USER); // what an application does to show "not connected" at once
      assertThat(viaProxy.status(USER).state()).isEqualTo(ConnectionStatus.State.NOT_CONNECTED);
    }
  }
}
