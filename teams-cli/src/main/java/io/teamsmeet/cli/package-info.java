/**
 * The {@code teams} command-line program: the SDK's main job (connect a Microsoft work account,
 * create Teams meetings) as commands, against an embedded fake Microsoft ({@code teams demo}) or
 * against real Microsoft when an app registration is configured.
 *
 * <p>Run it with {@code java -jar teams-cli/target/teams-cli.jar}; {@link
 * io.teamsmeet.cli.TeamsCli} is the entry point. Everything else in this package is an
 * implementation detail.
 */
package io.teamsmeet.cli;
