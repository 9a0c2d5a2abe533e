package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.crypto.tink.Aead;
import io.teamsmeet.spi.RefreshToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link GrantCodec#open}, what the core does with the bytes a {@code TokenStore} returns:
 * any bytes (the AEAD refuses them), and any plaintext sealed with the codec's key and associated
 * data (the parser behind the AEAD, as if the key had leaked). Property: a {@link Grant} that seals
 * and opens again to itself, or a {@link GeneralSecurityException}; nothing else.
 */
class GrantFuzzTest {

  private static final String USER = "fuzz-user";

  /** GrantCodec's associated data; {@link #theAssociatedDataIsTheCodecs()} keeps it in step. */
  private static final byte[] ASSOCIATED_DATA =
      ("io.teamsmeet/grant/v1\u0000" + USER).getBytes(StandardCharsets.UTF_8);

  private static final Aead AEAD = StateFuzzTest.aead();
  private static final GrantCodec CODEC = new GrantCodec(AEAD);

  @FuzzTest(maxDuration = "60s")
  void open(byte[] stored) {
    check(stored);
  }

  @FuzzTest(maxDuration = "60s")
  void openSealedPlaintext(byte[] plaintext) throws GeneralSecurityException {
    check(AEAD.encrypt(plaintext, ASSOCIATED_DATA));
  }

  private static void check(byte[] ciphertext) {
    Grant grant;
    try {
      grant = CODEC.open(USER, ciphertext);
    } catch (GeneralSecurityException expected) {
      return;
    }
    try {
      Grant again = CODEC.open(USER, CODEC.seal(USER, grant));
      if (!again.equals(grant)) {
        throw new AssertionError("a grant does not survive sealing and opening");
      }
    } catch (GeneralSecurityException e) {
      throw new AssertionError("a grant that opened cannot be sealed and opened again", e);
    }
  }

  @Test
  void theAssociatedDataIsTheCodecs() throws GeneralSecurityException {
    Grant grant =
        new Grant(
            new RefreshToken("rt"),
            Optional.empty(),
            Optional.empty(),
            Set.of("s"),
            Instant.EPOCH,
            7);
    byte[] plain = AEAD.decrypt(CODEC.seal(USER, grant), ASSOCIATED_DATA);
    assertThat(plain[0]).isEqualTo((byte) 2);
  }
}
