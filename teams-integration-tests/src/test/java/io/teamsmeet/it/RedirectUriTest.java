package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.testkit.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9700 §4.1 and RFC 6749 §4.1.3: the redirect URI sent with the code exchange is exactly the
 * one the authorization request carried, which is exactly the one configured (no pattern, no
 * rewriting), and the code the SDK redeems is the one that came back to it.
 */
class RedirectUriTest extends SecurityFixture {

  @Test
  void theRedirectUriOfTheExchangeIsTheOneAuthorizedAndConfigured() {
    for (int i = 0; i < 3; i++) {
      rig.connect(teams, "redirect-user-" + i, i % 2 == 0 ? Rig.ANA : Rig.BOB);
    }

    List<RecordedRequest> authorizations = fake.journal().authorizeRequests();
    List<RecordedRequest> redemptions = fake.journal().tokenRequests("authorization_code");
    assertThat(authorizations).hasSize(3);
    assertThat(redemptions).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String authorized = authorizations.get(i).query("redirect_uri").orElseThrow();
      assertThat(authorized).isEqualTo(Rig.REDIRECT_URI.toString());
      assertThat(redemptions.get(i).formParam("redirect_uri")).contains(authorized);
      assertThat(redemptions.get(i).formParam("client_id")).contains(Rig.CLIENT_ID);
      assertThat(authorizations.get(i).query("response_type")).contains("code");
    }
  }
}
