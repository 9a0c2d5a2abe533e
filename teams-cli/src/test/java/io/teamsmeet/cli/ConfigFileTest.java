package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config.properties} through the real commands: a key the program does not know, a key set
 * twice, a malformed escape, bytes that are not UTF-8, and a bad value each stop the command with
 * exit 7 and a message naming the file, the line and the problem.
 */
class ConfigFileTest extends AgainstFakeMicrosoft {

  private Path file() {
    return configDir.resolve("config.properties");
  }

  /** The fake's environment without the settings a file can hold: the file has to. */
  private Map<String, String> fileOnly() {
    Map<String, String> env = env();
    env.remove("TEAMS_CLIENT_ID");
    env.remove("TEAMS_USER");
    env.remove("TEAMS_IDENTITY_ENDPOINT");
    env.remove("TEAMS_GRAPH_ENDPOINT");
    return env;
  }

  private Cli.Result statusWith(String... lines) throws Exception {
    Files.write(file(), List.of(lines));
    return cli.run(fileOnly(), "status");
  }

  @Test
  void aMisspeltKeyStopsTheCommandNamingFileLineAndTheKeyItMeant() throws Exception {
    Cli.Result result = statusWith("# my app", "clientid=" + CLIENT_ID, "tenant=contoso.com");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "teams: "
                + file()
                + " line 2: unknown key 'clientid' (did you mean client-id?); the keys are"
                + " client-id, tenant, client-secret, user"
                + System.lineSeparator());
  }

  @Test
  void otherSpellingsGetTheirClosestKeyOrJustTheList() throws Exception {
    assertThat(statusWith("client_secret=x").err()).contains("(did you mean client-secret?)");
    assertThat(statusWith("Tenant: contoso.com").err()).contains("(did you mean tenant?)");
    assertThat(statusWith("usr=me").err()).contains("(did you mean user?)");
    assertThat(statusWith("redirect-uri=http://x").err())
        .contains("unknown key 'redirect-uri'; the keys are client-id, tenant, client-secret, user")
        .doesNotContain("did you mean");
  }

  @Test
  void aMalformedEscapeNamesItsLineNotAnExceptionClass() throws Exception {
    Cli.Result result = statusWith("client-id=" + CLIENT_ID, "", "user=ana\\u12", "tenant=x");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err())
        .isEqualTo(
            "teams: "
                + file()
                + " line 3: malformed \\uXXXX escape (write \\\\u for a backslash and u)"
                + System.lineSeparator())
        .doesNotContain("IllegalArgumentException");
  }

  @Test
  void aKeySetTwiceIsAnError() throws Exception {
    Cli.Result result = statusWith("user=a", "tenant=x", "user=b");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err())
        .isEqualTo(
            "teams: "
                + file()
                + " line 3: user is set again (first on line 1); keep one"
                + System.lineSeparator());
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByTheirLine() throws Exception {
    Files.write(
        file(),
        ("client-id=" + CLIENT_ID + "\nuser=Jos\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

    Cli.Result result = cli.run(fileOnly(), "status");

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.err())
        .isEqualTo("teams: " + file() + " line 2: not UTF-8 text" + System.lineSeparator());
  }

  @Test
  void aBadValueNamesTheLineItCameFrom() throws Exception {
    Cli.Result clientId = statusWith("tenant=contoso.com", "client-id=my-app");
    Cli.Result endpoint = statusWith("graph-endpoint=http://[::1");

    assertThat(clientId.exitCode()).isEqualTo(7);
    assertThat(clientId.err())
        .startsWith(
            "teams: "
                + file()
                + " line 2 (client-id): not an Application (client) id: use the GUID")
        .doesNotContain("my-app");
    assertThat(endpoint.exitCode()).isEqualTo(7);
    assertThat(endpoint.err())
        .isEqualTo(
            "teams: " + file() + " line 1 (graph-endpoint): not a URI" + System.lineSeparator());
  }

  @Test
  void aWellFormedFileWithCommentsContinuationsAndEscapesWorks() throws Exception {
    Map<String, String> env = fileOnly();
    Files.write(
        file(),
        List.of(
            "\uFEFF# written by hand",
            "! another comment",
            "",
            "client-id = " + CLIENT_ID,
            "identity-endpoint: " + fake.identityBaseUri(),
            "user = app-\\",
            "       user-\\u0031"));

    Cli.Result result = cli.run(env, "status", "--json");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(Exit.RECONNECT);
    assertThat(result.out()).contains("\"user\":\"app-user-1\"").contains(CLIENT_ID);
  }
}
