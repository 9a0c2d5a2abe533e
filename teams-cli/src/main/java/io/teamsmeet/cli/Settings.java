package io.teamsmeet.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved configuration of one command: each setting from its flag, else its environment
 * variable, else {@code config.properties} in the config directory, else its default.
 *
 * <p>{@code config.properties} keys: {@code client-id}, {@code tenant}, {@code client-secret},
 * {@code user}, and (for tests against a fake) {@code identity-endpoint}, {@code graph-endpoint};
 * any other key, or a malformed file, is an error naming the file and the line ({@link
 * ConfigFile}). A client id must be a GUID ({@link ClientIds}).
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
   * @throws CliException (configuration) if the config file cannot be read or a value is invalid;
   *     the message names where the value came from (the variable, or the file and its line)
   */
  static Settings resolve(CommonOptions flags, Map<String, String> env) {
    List<String> warnings = new ArrayList<>();
    Path dir = flags.configDir != null ? flags.configDir : defaultConfigDir(env);
    dir = dir.toAbsolutePath().normalize();
    Path configFile = dir.resolve(CONFIG_FILE);
    ConfigFile file = ConfigFile.read(configFile);

    Optional<Value> clientId = first(flags.clientId, "--client-id", env, "TEAMS_CLIENT_ID", file);
    clientId
        .filter(v -> !ClientIds.isGuid(v.text()))
        .ifPresent(
            v -> {
              throw CliException.configuration(v.origin() + ": " + ClientIds.NOT_ONE);
            });
    String tenant =
        first(flags.tenant, "--tenant", env, "TEAMS_TENANT", file)
            .map(Value::text)
            .orElse("organizations");
    Optional<Value> secret =
        first(flags.clientSecret, "--client-secret", env, "TEAMS_CLIENT_SECRET", file);
    if (flags.clientSecret != null) {
      warnings.add(
          "a client secret on the command line is visible to other processes and kept in shell"
              + " history; prefer TEAMS_CLIENT_SECRET or client-secret in "
              + CONFIG_FILE);
    }
    if (file.get("client-secret").isPresent() && readableByOthers(configFile)) {
      warnings.add(
          configFile
              + " holds a client secret and is readable by other users; run chmod 600 "
              + configFile);
    }
    Optional<Value> userValue = first(flags.user, "--user", env, "TEAMS_USER", file);
    String user =
        userValue.map(Value::text).orElseGet(() -> System.getProperty("user.name", "user"));
    if (user.length() > MAX_USER_ID) {
      throw CliException.configuration(
          userValue.map(v -> v.origin() + ": ").orElse("")
              + "the app user id must be at most "
              + MAX_USER_ID
              + " characters");
    }
    Optional<URI> identity =
        flags.identityEndpoint != null
            ? Optional.of(flags.identityEndpoint)
            : first(null, "", env, "TEAMS_IDENTITY_ENDPOINT", file, "identity-endpoint")
                .map(Settings::uri);
    Optional<URI> graph =
        flags.graphEndpoint != null
            ? Optional.of(flags.graphEndpoint)
            : first(null, "", env, "TEAMS_GRAPH_ENDPOINT", file, "graph-endpoint")
                .map(Settings::uri);
    return new Settings(
        dir,
        user,
        clientId.map(Value::text),
        tenant,
        secret.map(Value::text),
        identity,
        graph,
        flags.noRetry,
        List.copyOf(warnings));
  }

  /** A setting's value and where it came from: a flag, a variable, or a line of the file. */
  record Value(String text, String origin) {
    @Override
    public String toString() {
      return "Value[" + origin + "]"; // never the text: it may be the client secret
    }
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

  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static URI uri(Value value) {
    try {
      return new URI(value.text());
    } catch (URISyntaxException e) {
      throw CliException.configuration(value.origin() + ": not a URI");
    }
  }

  /**
   * The flag, else the variable, else the file's key named like the flag; blank counts as unset.
   */
  private static Optional<Value> first(
      String flag, String flagName, Map<String, String> env, String variable, ConfigFile file) {
    return first(flag, flagName, env, variable, file, flagName.substring(2));
  }

  private static Optional<Value> first(
      String flag,
      String flagName,
      Map<String, String> env,
      String variable,
      ConfigFile file,
      String key) {
    if (flag != null && !flag.isBlank()) {
      return Optional.of(new Value(flag.strip(), flagName));
    }
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new Value(fromEnv.strip(), variable));
    }
    return file.get(key)
        .filter(e -> !e.value().isBlank())
        .map(e -> new Value(e.value().strip(), e.origin()));
  }
}
