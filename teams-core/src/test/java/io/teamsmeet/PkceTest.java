package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.spi.CodeVerifier;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void theChallengeIsS256AsInRfc7636AppendixB() {
    CodeVerifier verifier = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(Pkce.challenge(verifier)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifiersAreLongUniqueAndFromTheUnreservedSet() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String value = Pkce.newVerifier(random).value();
      assertThat(value).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
      assertThat(seen.add(value)).isTrue();
    }
  }

  @Test
  void invalidVerifiersAreRejectedWithoutEchoingThem() {
    assertThatThrownBy(() -> new CodeVerifier("short-SECRET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("43 to 128")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> new CodeVerifier("x".repeat(129))).hasMessageContaining("43 to 128");
    assertThatThrownBy(() -> new CodeVerifier("SECRET+" + "a".repeat(50)))
        .hasMessageContaining("unreserved")
        .hasMessageNotContaining("SECRET");
  }
}
