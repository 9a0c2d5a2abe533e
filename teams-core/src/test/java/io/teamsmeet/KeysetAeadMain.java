package io.teamsmeet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Run by {@link KeysetAeadTest} in a fresh JVM, whose Tink registry holds nothing yet. Args: a
 * binary keyset file, a ciphertext sealed with it by the test (associated data "ad"), and {@code
 * register} to call {@code AeadConfig.register()} first as an application may. Prints {@code opened
 * <plaintext>} and {@code sealed-and-opened} when the keyset's AEAD works, or {@code rejected
 * <exception class>: <message>} when the builder refuses the keyset.
 */
final class KeysetAeadMain {

  private KeysetAeadMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 2 && args[2].equals("register")) {
      AeadConfig.register();
    }
    // parsed before anything is registered, as an application that loads its keyset first does
    KeysetHandle keyset =
        TinkProtoKeysetFormat.parseKeyset(
            Files.readAllBytes(Path.of(args[0])), InsecureSecretKeyAccess.get());
    try {
      TeamsMeetings.builder().tokenKeys(keyset);
    } catch (IllegalArgumentException e) {
      System.out.println("rejected " + e.getClass().getName() + ": " + e.getMessage());
      return;
    }
    Aead aead = KeysetAead.of(keyset);
    byte[] ad = "ad".getBytes(StandardCharsets.UTF_8);
    System.out.println(
        "opened "
            + new String(
                aead.decrypt(Files.readAllBytes(Path.of(args[1])), ad), StandardCharsets.UTF_8));
    byte[] sealed = aead.encrypt("again".getBytes(StandardCharsets.UTF_8), ad);
    if (!new String(aead.decrypt(sealed, ad), StandardCharsets.UTF_8).equals("again")) {
      throw new GeneralSecurityException("round trip failed");
    }
    System.out.println("sealed-and-opened");
  }
}
