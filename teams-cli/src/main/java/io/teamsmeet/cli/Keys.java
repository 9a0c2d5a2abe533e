package io.teamsmeet.cli;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The Tink keyset that seals the stored grant and the connect state, kept as a JSON keyset file
 * ({@value #FILE}) that only its owner can read.
 *
 * <p>This is the right trade-off for a program on a user's own machine: the key is as safe as the
 * user's account. A production backend should not keep a clear keyset on disk: give {@code
 * TeamsMeetings.builder().tokenKeys(...)} an {@code Aead} backed by a KMS (AWS KMS, Google Cloud
 * KMS, Azure Key Vault, HashiCorp Vault), or a keyset encrypted with one.
 */
final class Keys {

  static final String FILE = "keyset.json";

  private Keys() {}

  /** A fresh keyset with one AES-256-GCM key. */
  static KeysetHandle generate() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw CliException.internal("cannot generate an AES-256-GCM key", e);
    }
  }

  /**
   * Reads the keyset in {@code dir}, creating it (rw-------) on first use.
   *
   * @throws CliException (storage) if it cannot be read, written or parsed
   */
  static KeysetHandle loadOrCreate(Path dir, PrintStream err) {
    Path file = dir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        KeysetHandle fresh = generate();
        String json =
            TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get());
        if (OwnerOnly.createFile(file, json.getBytes(StandardCharsets.UTF_8))) {
          return fresh;
        }
        // Another teams process created it first: use theirs.
      }
      return load(file, err);
    } catch (IOException | GeneralSecurityException e) {
      throw CliException.storage(
          "cannot create the keyset file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static KeysetHandle load(Path file, PrintStream err) {
    OwnerOnly.looseness(file)
        .ifPresent(
            p ->
                err.println(
                    "teams: warning: "
                        + file
                        + " holds the key to your stored grant and is "
                        + p
                        + "; run chmod 600 "
                        + file));
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.storage(
          "cannot read the keyset file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    try {
      AeadConfig.register();
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // Not the parser's message: it could quote key material.
      throw CliException.storage(
          "the keyset file "
              + file
              + " is not a valid Tink keyset; restore it from a backup, or"
              + " delete it and run teams connect again (the stored grant cannot be opened without it)",
          null);
    }
  }
}
