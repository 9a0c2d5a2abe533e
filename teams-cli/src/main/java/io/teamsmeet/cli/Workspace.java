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
import java.util.List;
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
  /** What {@code teams connect} asks for: the meetings' permission. */
  static final List<String> MEETINGS_ONLY = List.of("OnlineMeetings.ReadWrite");

  /**
   * What {@code teams connect --events} asks for, and what every other command configures: the SDK
   * refreshes a grant only for the configured scopes it holds, so a grant without {@code
   * Calendars.ReadWrite} keeps working for meetings, and {@code teams event} tells its user to
   * connect with {@code --events} (exit 3) instead of failing at Microsoft.
   */
  static final List<String> WITH_EVENTS =
      List.of("OnlineMeetings.ReadWrite", "Calendars.ReadWrite");

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
    return teams(redirectUri, WITH_EVENTS);
  }

  /**
   * The SDK for the configured Microsoft app, asking for {@code scopes} when connecting.
   *
   * @param scopes {@link #MEETINGS_ONLY} or {@link #WITH_EVENTS}
   */
  TeamsMeetings teams(URI redirectUri, List<String> scopes) {
    return build(settings.requireClientId(), redirectUri, scopes);
  }

  /** The SDK for commands that only read or delete the stored grant and never call Microsoft. */
  TeamsMeetings offline() {
    return build(settings.clientId().orElse(OFFLINE_CLIENT_ID), NO_REDIRECT, WITH_EVENTS);
  }

  private TeamsMeetings build(String clientId, URI redirectUri, List<String> scopes) {
    try {
      TeamsMeetings.Builder builder =
          TeamsMeetings.builder()
              .clientId(clientId)
              .tenant(settings.tenant())
              .redirectUri(redirectUri)
              .scopes(scopes)
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
