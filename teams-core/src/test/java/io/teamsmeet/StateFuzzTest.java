package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import io.teamsmeet.spi.CodeVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link StateCodec#open}: with any string (the AEAD refuses it), and with any plaintext
 * sealed under the codec's own key and purpose (so that the parser behind the AEAD is reached, as
 * if the key had leaked). Property: a {@link StateCodec.Pending} or an {@link
 * InvalidAuthorizationResponseException} with reason STATE_ALTERED, nothing else.
 */
class StateFuzzTest {

  /** StateCodec's purpose label; {@link #thePurposeLabelIsTheCodecs()} keeps it in step. */
  private static final byte[] PURPOSE =
      "io.teamsmeet/connect-state/v1".getBytes(StandardCharsets.US_ASCII);

  private static final Aead AEAD = aead();
  private static final StateCodec CODEC = new StateCodec(AEAD);

  static Aead aead() {
    try {
      return Fixture.newKeyset().getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void open(byte[] data) {
    check(new String(data, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void openSealedPlaintext(byte[] plaintext) throws GeneralSecurityException {
    check(Base64.getUrlEncoder().withoutPadding().encodeToString(AEAD.encrypt(plaintext, PURPOSE)));
  }

  private static void check(String state) {
    try {
      StateCodec.Pending pending = CODEC.open(state);
      pending.userId();
      pending.verifier().value();
      pending.issuedAt();
      pending.toString();
    } catch (InvalidAuthorizationResponseException e) {
      if (e.reason() != InvalidAuthorizationResponseException.Reason.STATE_ALTERED) {
        throw new AssertionError("unexpected reason " + e.reason(), e);
      }
    }
  }

  @Test
  void thePurposeLabelIsTheCodecs() throws GeneralSecurityException {
    String sealed = CODEC.seal("u", new CodeVerifier("v".repeat(43)), Instant.EPOCH);
    byte[] plain = AEAD.decrypt(Base64.getUrlDecoder().decode(sealed), PURPOSE);
    assertThat(plain[0]).isEqualTo((byte) 1);
  }
}
