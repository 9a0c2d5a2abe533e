package io.teamsmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code teams app-meeting}: application mode against the fake, tenant and user as arguments. */
class AppMeetingCommandTest extends AgainstFakeMicrosoft {

  Map<String, String> appEnv() {
    Map<String, String> env = env();
    env.put("TEAMS_CLIENT_ID", CONFIDENTIAL_CLIENT_ID);
    env.put("TEAMS_CLIENT_SECRET", CLIENT_SECRET);
    env.remove("TEAMS_USER");
    return env;
  }

  @Test
  void withoutConsentThenWithoutPolicyThenCreateGetAndDelete() throws Exception {
    String[] target = {"--tenant", "contoso.com", "--organizer", ANA.userPrincipalName()};

    Cli.Result noConsent = cli.run(appEnv(), concat(new String[] {"app-meeting", "check"}, target));
    assertThat(noConsent.exitCode()).as(noConsent.all()).isEqualTo(Exit.CONFIGURATION);
    assertThat(noConsent.err()).contains("admin consent in tenant contoso.com");

    fake.grantAdminConsent(CONFIDENTIAL_CLIENT_ID, "contoso.com");
    Cli.Result noPolicy = cli.run(appEnv(), concat(new String[] {"app-meeting", "check"}, target));
    assertThat(noPolicy.exitCode()).as(noPolicy.all()).isEqualTo(Exit.PERMISSION);
    assertThat(noPolicy.err())
        .contains("application access policy")
        .contains("New-CsApplicationAccessPolicy")
        .contains("-AppIds " + CONFIDENTIAL_CLIENT_ID)
        .contains("Grant-CsApplicationAccessPolicy");

    fake.grantAccessPolicy(CONFIDENTIAL_CLIENT_ID, ANA.userPrincipalName());
    Cli.Result ok = cli.run(appEnv(), concat(new String[] {"app-meeting", "check"}, target));
    assertThat(ok.exitCode()).as(ok.all()).isZero();

    Cli.Result created =
        cli.run(
            appEnv(),
            concat(
                new String[] {"app-meeting", "create", "--subject", "Consultation", "--json"},
                target));
    assertThat(created.exitCode()).as(created.all()).isZero();
    JsonNode meeting = new ObjectMapper().readTree(created.out());
    String id = meeting.get("id").asText();
    assertThat(fake.meetings(ANA.userPrincipalName())).hasSize(1);

    Cli.Result got = cli.run(appEnv(), concat(new String[] {"app-meeting", "get", id}, target));
    assertThat(got.exitCode()).as(got.all()).isZero();
    assertThat(got.out()).contains("Consultation");

    Cli.Result deleted =
        cli.run(appEnv(), concat(new String[] {"app-meeting", "delete", id}, target));
    assertThat(deleted.exitCode()).as(deleted.all()).isZero();
    assertThat(fake.meetings(ANA.userPrincipalName())).isEmpty();
  }

  @Test
  void organizationsIsNotATenantAndABadUserIsUsage() {
    Cli.Result org =
        cli.run(
            appEnv(),
            "app-meeting",
            "check",
            "--tenant",
            "organizations",
            "--organizer",
            ANA.userPrincipalName());
    assertThat(org.exitCode()).as(org.all()).isEqualTo(Exit.CONFIGURATION);
    Cli.Result badUser =
        cli.run(
            appEnv(),
            "app-meeting",
            "check",
            "--tenant",
            "contoso.com",
            "--organizer",
            "not-a-guid");
    assertThat(badUser.exitCode()).as(badUser.all()).isEqualTo(Exit.USAGE);
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
