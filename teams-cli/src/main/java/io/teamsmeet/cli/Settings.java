package io.teamsmeet.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The resolved configuration of one command: each setting from its flag, else its environment
 * variable, else {@code config.properties} in the config directory, else its default.
 *
 * <p>{@code config.properties} keys: {@code client-id}, {@code tenant}, {@code client-secret},
 * {@code user}, and (for tests against a fake) {@code identity-endpoint}, {@code graph-endpoint}.
 *
 * @param configDir where the config file, keyset and grant database live
 * @param user the application user id
 * @param clientId the app registration's client id, if configured
 * @param tenant the tenant in the authority
 * @param clientSecret the client secret of a confidential app, if configured
 * @param identityEndpoint an override of the identity platform's root
 * @param graphEndpoint an override of Graph's root
 * @param noRetry whether to turn the SDK's retries off
 * @param warnings what to tell the user about the configuration
 */
record Settings(
    Path configDir,
    String user,
    Optional<String> clientId,
    String tenant,
    Optional<String> clientSecret,
    Optional<URI> identityEndpoint,
    Optional<URI> graphEndpoint,
    boolean noRetry,
    List<String> warnings) {

  static final String CONFIG_FILE = "config.properties";

  /** What the token store's user_id column holds. */
  static final int MAX_USER_ID = 255;

  static final String NO_APP =
      "no Microsoft app configured: pass --client-id or set TEAMS_CLIENT_ID, or run teams demo";

  /** Prints everything but the secret. */
  @Override
  public String toString() {
    return "Settings[configDir="
        + configDir
        + ", user="
        + user
        + ", clientId="
        + clientId
        + ", tenant="
        + tenant
        + ", clientSecret="
        + clientSecret.map(s -> "[redacted]")
        + "]";
  }

  /** The client id, or the configuration failure that says how to set one. */
  String requireClientId() {
    return clientId.orElseThrow(() -> CliException.configuration(NO_APP));
  }

  /**
   * Resolves the settings: flags, then environment, then {@code config.properties}.
   *
   * @throws CliException (configuration) if the config file cannot be read or a value is invalid
   */
  static Settings resolve(CommonOptions flags, Map<String, String> env) {
    List<String> warnings = new ArrayList<>();
    Path dir = flags.configDir != null ? flags.configDir : defaultConfigDir(env);
    dir = dir.toAbsolutePath().normalize();
    Properties file = readConfigFile(dir.resolve(CONFIG_FILE), warnings);

    Optional<String> clientId =
        first(flags.clientId, env.get("TEAMS_CLIENT_ID"), file.getProperty("client-id"));
    String tenant =
        first(flags.tenant, env.get("TEAMS_TENANT"), file.getProperty("tenant"))
            .orElse("organizations");
    Optional<String> secret =
        first(
            flags.clientSecret, env.get("TEAMS_CLIENT_SECRET"), file.getProperty("client-secret"));
    if (flags.clientSecret != null) {
      warnings.add(
          "a client secret on the command line is visible to other processes and kept in shell"
              + " history; prefer TEAMS_CLIENT_SECRET or client-secret in "
              + CONFIG_FILE);
    }
    String user =
        first(flags.user, env.get("TEAMS_USER"), file.getProperty("user"))
            .orElseGet(() -> System.getProperty("user.name", "user"));
    if (user.length() > MAX_USER_ID) {
      throw CliException.configuration(
          "the app user id must be at most " + MAX_USER_ID + " characters");
    }
    Optional<URI> identity =
        flags.identityEndpoint != null
            ? Optional.of(flags.identityEndpoint)
            : first(null, env.get("TEAMS_IDENTITY_ENDPOINT"), file.getProperty("identity-endpoint"))
                .map(v -> uri(v, "identity-endpoint"));
    Optional<URI> graph =
        flags.graphEndpoint != null
            ? Optional.of(flags.graphEndpoint)
            : first(null, env.get("TEAMS_GRAPH_ENDPOINT"), file.getProperty("graph-endpoint"))
                .map(v -> uri(v, "graph-endpoint"));
    return new Settings(
        dir, user, clientId, tenant, secret, identity, graph, flags.noRetry, List.copyOf(warnings));
  }

  /**
   * Whether a Microsoft app is configured without any flag: environment or the default config file.
   */
  static boolean appConfigured(Map<String, String> env) {
    return resolve(new CommonOptions(), env).clientId().isPresent();
  }

  static Path defaultConfigDir(Map<String, String> env) {
    String explicit = env.get("TEAMS_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "teams-meetings");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".config", "teams-meetings");
  }

  private static Properties readConfigFile(Path file, List<String> warnings) {
    Properties properties = new Properties();
    if (!Files.isRegularFile(file)) {
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.configuration("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    if (properties.getProperty("client-secret") != null && readableByOthers(file)) {
      warnings.add(
          file + " holds a client secret and is readable by other users; run chmod 600 " + file);
    }
    return properties;
  }

  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static URI uri(String value, String name) {
    try {
      return new URI(value.strip());
    } catch (URISyntaxException e) {
      throw CliException.configuration(name + " is not a URI: " + value);
    }
  }

  private static Optional<String> first(String flag, String env, String file) {
    for (String value : new String[] {flag, env, file}) {
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }
}
