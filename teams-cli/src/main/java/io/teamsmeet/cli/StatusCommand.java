package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.Connection;
import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code teams status}: whether the user is connected, from the local store (Microsoft is not
 * called).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show whether your Microsoft account is connected.",
      "Reads the local store only (Microsoft is not called). Exits 0 when connected, 3 when not"
          + " (run teams connect).",
    })
final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin CommonOptions common;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Settings settings = context.settings(common);
    Optional<Workspace> existing = Workspace.openExisting(settings, context.err());
    ConnectionStatus status;
    if (existing.isEmpty()) {
      status =
          new ConnectionStatus(
              settings.user(), ConnectionStatus.State.NOT_CONNECTED, Optional.empty());
    } else {
      try (Workspace workspace = existing.get();
          TeamsMeetings teams = workspace.offline()) {
        status = teams.status(settings.user());
      }
    }
    print(status, settings);
    return status.isConnected() ? Exit.OK : Exit.RECONNECT;
  }

  private void print(ConnectionStatus status, Settings settings) {
    PrintStream out = context.out();
    if (common.json) {
      ObjectNode node = Json.object();
      node.put("user", status.userId());
      node.put("state", status.state().name().toLowerCase(Locale.ROOT));
      node.put("connected", status.isConnected());
      Json.put(node, "account", status.connection().flatMap(Connection::accountName));
      Json.put(node, "tenant", status.connection().flatMap(Connection::tenantId));
      node.set(
          "scopes", Json.strings(status.connection().map(Connection::scopes).orElse(Set.of())));
      Json.put(node, "connectedAt", status.connection().map(Connection::connectedAt));
      Json.put(node, "clientId", settings.clientId());
      node.put("appTenant", settings.tenant());
      node.put("configDir", settings.configDir().toString());
      out.println(Json.write(node));
      return;
    }
    Human.line(out, "", "app user", status.userId());
    switch (status.state()) {
      case CONNECTED -> {
        Human.line(out, "", "state", "connected");
        Human.connection(out, "", status.connection().orElseThrow());
      }
      case NOT_CONNECTED -> Human.line(out, "", "state", "not connected: run teams connect");
      case UNREADABLE ->
          Human.line(
              out,
              "",
              "state",
              "a grant is stored but cannot be decrypted with "
                  + Keys.FILE
                  + ": run teams connect");
    }
    Human.line(
        out,
        "",
        "Microsoft app",
        settings
            .clientId()
            .map(id -> id + " (tenant " + settings.tenant() + ")")
            .orElse("not configured (pass --client-id or set TEAMS_CLIENT_ID)"));
    Human.line(out, "", "config dir", settings.configDir().toString());
  }
}
