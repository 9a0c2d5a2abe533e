package io.teamsmeet.cli;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsMeetings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a real (non-demo) command works with: the config directory (rwx------), its keyset file
 * (rw-------) and grant database, and the SDK wired to them and to Microsoft. Close it when the
 * command ends.
 */
final class Workspace implements AutoCloseable {

  /** The redirect URI of commands that never send a browser anywhere (token refresh sends none). */
  static final URI NO_REDIRECT = URI.create("http://127.0.0.1/callback");

  /**
   * The client id that status and disconnect use when no app is configured: they never call
   * Microsoft.
   */
  private static final String OFFLINE_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

  private final Settings settings;
  private final LocalStore store;
  private final KeysetHandle keys;

  private Workspace(Settings settings, LocalStore store, KeysetHandle keys) {
    this.settings = settings;
    this.store = store;
    this.keys = keys;
  }

  /** Opens the workspace, creating the directory, keyset and database on first use. */
  static Workspace open(Settings settings, PrintStream err) {
    Path dir = settings.configDir();
    try {
      OwnerOnly.createDirectory(dir);
    } catch (IOException e) {
      throw CliException.storage(
          "cannot create the config directory " + dir + ": " + e.getClass().getSimpleName(), e);
    }
    OwnerOnly.looseness(dir)
        .ifPresent(
            p -> err.println("teams: warning: " + dir + " is " + p + "; run chmod 700 " + dir));
    KeysetHandle keys = Keys.loadOrCreate(dir, err);
    return new Workspace(settings, LocalStore.open(dir), keys);
  }

  /** Opens the workspace only if something was stored before; never creates files. */
  static Optional<Workspace> openExisting(Settings settings, PrintStream err) {
    Path dir = settings.configDir();
    boolean anything =
        Files.exists(dir.resolve(Keys.FILE))
            || Files.exists(dir.resolve(LocalStore.NAME + ".mv.db"));
    return anything ? Optional.of(open(settings, err)) : Optional.empty();
  }

  Settings settings() {
    return settings;
  }

  LocalStore store() {
    return store;
  }

  /**
   * The SDK for the configured Microsoft app.
   *
   * @param redirectUri where Microsoft sends the browser back
   * @throws CliException (configuration) if no app is configured or a setting is invalid
   */
  TeamsMeetings teams(URI redirectUri) {
    return build(settings.requireClientId(), redirectUri);
  }

  /** The SDK for commands that only read or delete the stored grant and never call Microsoft. */
  TeamsMeetings offline() {
    return build(settings.clientId().orElse(OFFLINE_CLIENT_ID), NO_REDIRECT);
  }

  private TeamsMeetings build(String clientId, URI redirectUri) {
    try {
      TeamsMeetings.Builder builder =
          TeamsMeetings.builder()
              .clientId(clientId)
              .tenant(settings.tenant())
              .redirectUri(redirectUri)
              .tokenStore(store.tokens())
              .tokenKeys(keys)
              .clock(Clock.systemUTC())
              // one command, one process: no refresh-ahead threads to wait for
              .refreshAhead(Duration.ZERO);
      settings.clientSecret().ifPresent(builder::clientSecret);
      settings.identityEndpoint().ifPresent(builder::identityEndpoint);
      settings.graphEndpoint().ifPresent(builder::graphEndpoint);
      if (settings.noRetry()) {
        builder.retryPolicy(RetryPolicy.none());
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The builder names the setting at fault; its messages hold no secret.
      throw CliException.configuration("invalid setting: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
