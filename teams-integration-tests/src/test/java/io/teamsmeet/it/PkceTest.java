package io.teamsmeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.ConnectOptions;
import io.teamsmeet.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 7636 and RFC 9700 §2.1.1, observed on the wire: every authorization request carries an S256
 * challenge (never {@code plain}, never none), and the verifier the token endpoint receives is
 * 43-128 characters of the unreserved set, fresh for every sign-in, and hashes to that challenge.
 */
class PkceTest extends SecurityFixture {

  private static final int SIGN_INS = 24;

  @Test
  void everySignInUsesS256WithAFreshVerifierOfTheRightLengthAndAlphabet() throws Exception {
    for (int i = 0; i < SIGN_INS; i++) {
      String user = "pkce-user-" + i;
      // with and without the options that change the authorize URL
      if (i % 2 == 0) {
        rig.connect(teams, user, Rig.ANA);
      } else {
        fake.nextSignIn(Rig.BOB.userPrincipalName());
        teams.completeConnect(
            user,
            Rig.signIn(
                teams.beginConnect(
                    user,
                    ConnectOptions.builder()
                        .loginHint(Rig.BOB.userPrincipalName())
                        .prompt(ConnectOptions.Prompt.SELECT_ACCOUNT)
                        .build())));
      }
    }

    List<RecordedRequest> authorizations = fake.journal().authorizeRequests();
    List<RecordedRequest> redemptions = fake.journal().tokenRequests("authorization_code");
    assertThat(authorizations).hasSize(SIGN_INS);
    assertThat(redemptions).hasSize(SIGN_INS);
    Set<String> verifiers = new HashSet<>();
    Set<String> challenges = new HashSet<>();
    for (int i = 0; i < SIGN_INS; i++) {
      RecordedRequest authorize = authorizations.get(i);
      RecordedRequest redeem = redemptions.get(i);
      String challenge = authorize.query("code_challenge").orElseThrow();
      String verifier = redeem.formParam("code_verifier").orElseThrow();

      assertThat(authorize.query("code_challenge_method")).contains("S256");
      assertThat(challenge).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
      assertThat(s256(verifier)).isEqualTo(challenge);
      assertThat(authorize.queryParameters().toString()).doesNotContain(verifier);
      assertThat(redeem.status()).isEqualTo(200);
      verifiers.add(verifier);
      challenges.add(challenge);
    }
    assertThat(verifiers).as("a fresh verifier per sign-in").hasSize(SIGN_INS);
    assertThat(challenges).hasSize(SIGN_INS);
  }

  @Test
  void verifiersLookUniformlyRandom() {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      String user = "entropy-user-" + i;
      rig.connect(teams, user, Rig.ANA);
    }
    fake.journal()
        .tokenRequests("authorization_code")
        .forEach(r -> all.append(r.formParam("code_verifier").orElseThrow()));
    // 40 verifiers of 86 characters: each of the 64 base64url symbols should appear; a constant,
    // a counter or a timestamp would not pass
    Set<Character> symbols = new HashSet<>();
    all.chars().forEach(c -> symbols.add((char) c));
    assertThat(symbols).hasSizeGreaterThan(60);
  }

  static String s256(String verifier) throws NoSuchAlgorithmException {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }
}
