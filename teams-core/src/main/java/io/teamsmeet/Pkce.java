package io.teamsmeet;

import io.teamsmeet.spi.CodeVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with S256 only. */
final class Pkce {

  /** 64 random bytes give an 86-character verifier: 512 bits of entropy. */
  private static final int VERIFIER_BYTES = 64;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** A fresh verifier of 86 characters from the base64url alphabet (a subset of "unreserved"). */
  static CodeVerifier newVerifier(SecureRandom random) {
    byte[] bytes = new byte[VERIFIER_BYTES];
    random.nextBytes(bytes);
    return new CodeVerifier(BASE64URL.encodeToString(bytes));
  }

  /** The S256 challenge: base64url(SHA-256(ASCII(verifier))), unpadded, 43 characters. */
  static String challenge(CodeVerifier verifier) {
    return BASE64URL.encodeToString(sha256(verifier.value().getBytes(StandardCharsets.US_ASCII)));
  }

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must support SHA-256", e);
    }
  }
}
