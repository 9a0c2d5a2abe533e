package io.teamsmeet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.TeamsMeetings;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code teams disconnect}: removes the stored grant; idempotent. */
@Command(
    name = "disconnect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Remove the stored grant of your Microsoft account from this machine.",
      "Microsoft is not called: to revoke the app's access too, remove it at"
          + " https://myapps.microsoft.com.",
    })
final class DisconnectCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin CommonOptions common;

  DisconnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Settings settings = context.settings(common);
    boolean wasConnected = false;
    Optional<Workspace> existing = Workspace.openExisting(settings, context.err());
    if (existing.isPresent()) {
      try (Workspace workspace = existing.get();
          TeamsMeetings teams = workspace.offline()) {
        wasConnected = workspace.store().tokens().load(settings.user()).isPresent();
        teams.disconnect(settings.user());
      }
    }
    PrintStream out = context.out();
    if (common.json) {
      ObjectNode node = Json.object();
      node.put("user", settings.user());
      node.put("disconnected", true);
      node.put("wasConnected", wasConnected);
      out.println(Json.write(node));
    } else if (wasConnected) {
      out.println("Disconnected app user '" + settings.user() + "': the stored grant was removed.");
    } else {
      out.println("App user '" + settings.user() + "' was not connected; nothing to remove.");
    }
    return Exit.OK;
  }
}
