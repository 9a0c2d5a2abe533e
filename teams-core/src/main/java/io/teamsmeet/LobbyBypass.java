package io.teamsmeet;

/**
 * Who skips the lobby (Graph's {@code lobbyBypassSettings}). Immutable and thread-safe.
 *
 * @param scope which participants are admitted directly
 * @param dialInBypass whether dial-in callers skip the lobby
 */
public record LobbyBypass(Scope scope, boolean dialInBypass) {

  /** Graph's {@code lobbyBypassScope} values. Immutable and thread-safe. */
  public enum Scope {
    /** Only the organizer. */
    ORGANIZER,
    /** Everyone in the organizer's organization. */
    ORGANIZATION,
    /** The organization and federated organizations. */
    ORGANIZATION_AND_FEDERATED,
    /** Everyone. */
    EVERYONE,
    /** Invited people only. */
    INVITED,
    /** The organization without its guests. */
    ORGANIZATION_EXCLUDING_GUESTS,
    /**
     * Read back only: a scope Graph reported that this SDK does not know ({@code
     * unknownFutureValue} or one added later). A request or update carrying it is refused.
     */
    UNKNOWN
  }

  /** Rejects a null scope. */
  public LobbyBypass {
    if (scope == null) {
      throw new IllegalArgumentException("lobbyBypass.scope must not be null");
    }
  }

  /** Lobby bypass for {@code scope}, dial-in callers wait in the lobby. */
  public static LobbyBypass of(Scope scope) {
    return new LobbyBypass(scope, false);
  }
}
