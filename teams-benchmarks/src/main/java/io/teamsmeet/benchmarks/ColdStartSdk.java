package io.teamsmeet.benchmarks;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Cold start of this SDK, run in a fresh JVM by {@link ColdStart}: the user's grant is already
 * stored (sealed with Tink), no access token is cached, so opening the grant and the refresh round
 * trip are on the path to the first meeting. Args: fake base URL, directory with the grant.
 */
public final class ColdStartSdk {

  private ColdStartSdk() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    Path dir = Path.of(args[1]);
    try (TeamsMeetings teams = fromStoredGrant(base, dir)) {
      Meeting m =
          teams
              .meetings()
              .create(
                  "cold-user",
                  MeetingRequest.of(
                      "Quarterly review",
                      Instant.parse("2026-12-01T09:00:00Z"),
                      Duration.ofMinutes(30)));
      System.out.println("OK " + m.id() + " " + m.passcode().orElse("-"));
      System.out.flush();
    }
    System.exit(0);
  }

  /**
   * The SDK against the fake at {@code base}, its store holding the sealed grant of "cold-user"
   * from {@code dir} (as {@link ColdStart#storedGrant} wrote it), no access token cached.
   */
  static TeamsMeetings fromStoredGrant(URI base, Path dir) throws Exception {
    return fromStoredGrant(base, dir, null);
  }

  /** As {@link #fromStoredGrant(URI, Path)} on {@code transport} (null: the default, the JDK's). */
  static TeamsMeetings fromStoredGrant(URI base, Path dir, io.teamsmeet.feign.Transport transport)
      throws Exception {
    // No AeadConfig.register(): the SDK registers what the keyset needs (README, "Loading the
    // keys")
    KeysetHandle keys =
        TinkJsonProtoKeysetFormat.parseKeyset(
            Files.readString(dir.resolve("keyset.json")), InsecureSecretKeyAccess.get());
    long version = Long.parseLong(Files.readString(dir.resolve("version")).trim());
    TokenStore store = new InMemoryTokenStore();
    // stands in for a durable store that already holds the user's record
    store.save(
        new StoredGrant(
            "cold-user",
            version,
            Files.readAllBytes(dir.resolve("grant.bin")),
            Instant.parse("2026-11-01T00:00:00Z")),
        TokenStore.ABSENT);
    TeamsMeetings.Builder builder =
        TeamsMeetings.builder()
            .clientId("3f2a8c4e-1b7d-4e9a-8c6f-2d5b7a9e1c3f")
            .redirectUri(URI.create("http://localhost:8080/callback"))
            .identityEndpoint(base)
            .graphEndpoint(base)
            .tokenStore(store)
            .tokenKeys(keys);
    if (transport != null) {
      builder.transport(transport);
    }
    return builder.build();
  }
}
