package io.teamsmeet.feign;

import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import java.util.function.Function;

/**
 * Graph's names for the core's enums ({@code onlineMeetingRole}, {@code lobbyBypassScope}, {@code
 * onlineMeetingPresenters}), in both directions from one table each: {@link GraphBodies} writes
 * them, {@link MeetingDecoder} reads them back. Stateless, thread-safe.
 *
 * <p>Reading is lenient: names match ignoring case, and any other value (Graph's {@code
 * unknownFutureValue}, a value added after this release, {@code producer} for roles) is the enum's
 * {@code UNKNOWN}. {@code UNKNOWN} itself has no Graph name; the core refuses it in requests, so
 * writing it is a bug and throws.
 */
final class GraphNames {

  private GraphNames() {}

  static String role(Attendee.Role role) {
    return switch (role) {
      case ATTENDEE -> "attendee";
      case PRESENTER -> "presenter";
      case COORGANIZER -> "coorganizer";
      case UNKNOWN -> throw notSendable(role);
    };
  }

  static String lobbyScope(LobbyBypass.Scope scope) {
    return switch (scope) {
      case ORGANIZER -> "organizer";
      case ORGANIZATION -> "organization";
      case ORGANIZATION_AND_FEDERATED -> "organizationAndFederated";
      case EVERYONE -> "everyone";
      case INVITED -> "invited";
      case ORGANIZATION_EXCLUDING_GUESTS -> "organizationExcludingGuests";
      case UNKNOWN -> throw notSendable(scope);
    };
  }

  static String presenters(AllowedPresenters presenters) {
    return switch (presenters) {
      case EVERYONE -> "everyone";
      case ORGANIZATION -> "organization";
      case ROLE_IS_PRESENTER -> "roleIsPresenter";
      case ORGANIZER -> "organizer";
      case UNKNOWN -> throw notSendable(presenters);
    };
  }

  /** The role Graph names {@code graphName} (null: none given). */
  static Attendee.Role toRole(String graphName) {
    return read(Attendee.Role.values(), GraphNames::role, graphName, Attendee.Role.UNKNOWN);
  }

  /** The lobby scope Graph names {@code graphName} (null: none given). */
  static LobbyBypass.Scope toLobbyScope(String graphName) {
    return read(
        LobbyBypass.Scope.values(), GraphNames::lobbyScope, graphName, LobbyBypass.Scope.UNKNOWN);
  }

  /** The presenter setting Graph names {@code graphName} (null: none given). */
  static AllowedPresenters toPresenters(String graphName) {
    return read(
        AllowedPresenters.values(), GraphNames::presenters, graphName, AllowedPresenters.UNKNOWN);
  }

  /** The constant whose Graph name is {@code graphName}, ignoring case; else {@code unknown}. */
  private static <E extends Enum<E>> E read(
      E[] values, Function<E, String> names, String graphName, E unknown) {
    if (graphName != null) {
      for (E value : values) {
        if (value != unknown && names.apply(value).equalsIgnoreCase(graphName)) {
          return value;
        }
      }
    }
    return unknown;
  }

  private static IllegalArgumentException notSendable(Enum<?> value) {
    return new IllegalArgumentException(
        value.getDeclaringClass().getSimpleName() + ".UNKNOWN is only read back from Graph");
  }
}
