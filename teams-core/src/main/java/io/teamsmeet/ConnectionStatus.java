package io.teamsmeet;

import java.util.Optional;

/**
 * Whether a user has a usable stored grant, read from the token store without calling Microsoft.
 *
 * <p>{@link State#CONNECTED} says that a grant is stored and opens with the configured keys, not
 * that Microsoft will accept it at the next call: a grant revoked at Microsoft is only found out
 * (and removed) at the next refresh, and one whose tokens Graph keeps refusing ({@code
 * ReauthorizationRequiredException} with reason {@code TOKEN_REJECTED}) stays stored and {@code
 * CONNECTED}, because Microsoft still refreshes it. Show "connected as {@link
 * Connection#accountName()}" for {@code CONNECTED}, and let a failed call's exception decide
 * whether to ask for a reconnect.
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId the application's user id
 * @param state connected, not connected, or stored but unreadable with the configured keys
 * @param connection the connection's details when {@code state} is {@link State#CONNECTED}
 */
public record ConnectionStatus(String userId, State state, Optional<Connection> connection) {

  /** The possible states. Immutable and thread-safe. */
  public enum State {
    /** A grant is stored and opens with the configured keys. */
    CONNECTED,
    /** No grant is stored. */
    NOT_CONNECTED,
    /** A grant is stored but cannot be decrypted: altered, or its key left the keyset. */
    UNREADABLE
  }

  /** Validates the components. */
  public ConnectionStatus {
    if (userId == null || state == null) {
      throw new IllegalArgumentException("userId and state must not be null");
    }
    connection = connection == null ? Optional.empty() : connection;
    if (connection.isPresent() != (state == State.CONNECTED)) {
      throw new IllegalArgumentException("connection must be present exactly when CONNECTED");
    }
  }

  /** Whether the user is connected. */
  public boolean isConnected() {
    return state == State.CONNECTED;
  }
}
