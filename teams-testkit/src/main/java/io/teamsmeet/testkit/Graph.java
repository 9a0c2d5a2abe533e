package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamsmeet.testkit.State.Access;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.util.List;
import java.util.Optional;

/**
 * Graph v1.0's {@code /me/onlineMeetings}, stateful: checks the bearer token, the path, the scopes
 * and the licence, then hands the request to {@link OnlineMeetings}; and Graph's answers for
 * injected faults.
 */
final class Graph {

  private final State state;
  private final ObjectMapper mapper;
  private final OnlineMeetings meetings;
  private final CalendarEvents events;

  Graph(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.mapper = mapper;
    this.meetings = new OnlineMeetings(state, bases, mapper);
    this.events = new CalendarEvents(state, bases, mapper);
  }

  private GraphExchange exchange(Call call) {
    return new GraphExchange(call, state.now(), mapper);
  }

  /** Handles a request whose path after {@code /graph.microsoft.com} is {@code rest}. */
  Reply handle(Call call, List<String> rest) {
    GraphExchange x = exchange(call);
    if (rest.isEmpty() || !rest.get(0).equals("v1.0")) {
      return x.error(
          400,
          "BadRequest",
          "Invalid version: "
              + (rest.isEmpty() ? "" : rest.get(0))
              + ". FakeMicrosoft serves Graph v1.0 only.");
    }
    synchronized (state) {
      Access access;
      Optional<String> authorization = call.header("Authorization");
      if (authorization.isEmpty()
          || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)
          || authorization.get().substring(7).isBlank()) {
        return x.unauthorized("Access token is empty.");
      }
      access = state.accessTokens.get(authorization.get().substring(7).trim());
      AppPermissions.AppAccess application =
          state.appPermissions.tokens.get(authorization.get().substring(7).trim());
      if (access == null && application != null) {
        return state.appPermissions.graph(
            state, x, call, application, rest.subList(1, rest.size()), meetings, this::events);
      }
      if (access == null) {
        return x.unauthorized("CompactToken parsing failed with error code: 80049217");
      }
      if (!x.now.isBefore(access.expiresAt)) {
        return x.unauthorized("Lifetime validation failed, the token is expired.");
      }
      Optional<FakeAccount> found = state.accountByObjectId(access.objectId);
      if (found.isEmpty()) {
        return x.unauthorized("Access token validation failure. The user no longer exists.");
      }
      FakeAccount account = found.get();
      List<String> path = rest.subList(1, rest.size());
      int next;
      if (path.size() >= 2
          && path.get(0).equalsIgnoreCase("me")
          && (path.get(1).equalsIgnoreCase("events") || path.get(1).equalsIgnoreCase("calendar"))) {
        return calendar(x, call, access, account, path.subList(1, path.size()));
      }
      if (path.size() >= 2 && path.get(0).equalsIgnoreCase("me")) {
        next = 1;
      } else if (path.size() >= 3 && path.get(0).equalsIgnoreCase("users")) {
        String user = path.get(1);
        if (!user.equalsIgnoreCase(account.objectId())
            && !user.equalsIgnoreCase(account.userPrincipalName())) {
          return x.error(
              403,
              "Forbidden",
              "Delegated permissions do not allow access to another user's online meetings.");
        }
        next = 2;
      } else {
        return x.notFoundSegment(path.isEmpty() ? "" : path.get(path.size() - 1));
      }
      if (!path.get(next).equalsIgnoreCase("onlineMeetings")) {
        return x.notFoundSegment(path.get(next));
      }
      List<String> tail = path.subList(next + 1, path.size());
      boolean write = !call.method.equals("GET");
      boolean allowed =
          access.graphScopes.contains("onlinemeetings.readwrite")
              || (!write && access.graphScopes.contains("onlinemeetings.read"));
      if (!allowed) {
        return x.error(
            403,
            "Forbidden",
            "Insufficient privileges to complete the operation. The access token lacks the"
                + " OnlineMeetings."
                + (write ? "ReadWrite" : "Read")
                + " scope.");
      }
      if (!account.teamsLicensed()) {
        return x.error(
            403,
            "Forbidden",
            "Failed to get license information for the user. Ensure user has a valid Office365"
                + " license assigned to them.");
      }
      if (tail.isEmpty()) {
        switch (call.method) {
          case "POST":
            return meetings.create(x, account);
          case "GET":
            return meetings.list(x, account);
          default:
            return x.methodNotAllowed();
        }
      }
      if (tail.size() == 1 && tail.get(0).equalsIgnoreCase("createOrGet")) {
        return call.method.equals("POST") ? meetings.createOrGet(x, account) : x.methodNotAllowed();
      }
      if (tail.size() == 1) {
        String id = tail.get(0);
        switch (call.method) {
          case "GET":
            return meetings.get(x, account, id);
          case "PATCH":
            return meetings.update(x, account, id);
          case "DELETE":
            return meetings.delete(x, account, id);
          default:
            return x.methodNotAllowed();
        }
      }
      return x.notFoundSegment(tail.get(1));
    }
  }

  /** {@code /me/events...} and {@code /me/calendar}, after the token check. */
  private Reply calendar(
      GraphExchange x, Call call, Access access, FakeAccount account, List<String> path) {
    boolean write = !call.method.equals("GET");
    boolean allowed =
        access.graphScopes.contains("calendars.readwrite")
            || (!write && access.graphScopes.contains("calendars.read"));
    if (!allowed) {
      return x.error(
          403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    return events(x, call, account, path);
  }

  /** {@code events...} or {@code calendar} of the account, after the permission check. */
  private Reply events(GraphExchange x, Call call, FakeAccount account, List<String> path) {
    boolean write = !call.method.equals("GET");
    if (path.get(0).equalsIgnoreCase("calendar")) {
      return path.size() == 1 && !write ? events.calendar(x, account) : x.methodNotAllowed();
    }
    List<String> tail = path.subList(1, path.size());
    if (tail.isEmpty()) {
      return call.method.equals("POST") ? events.create(x, account) : x.methodNotAllowed();
    }
    String id = tail.get(0);
    if (tail.size() == 2 && tail.get(1).equalsIgnoreCase("cancel")) {
      return call.method.equals("POST") ? events.cancel(x, account, id) : x.methodNotAllowed();
    }
    if (tail.size() > 1) {
      return x.notFoundSegment(tail.get(1));
    }
    switch (call.method) {
      case "GET":
        return events.get(x, account, id);
      case "PATCH":
        return events.update(x, account, id);
      case "DELETE":
        return events.delete(x, account, id);
      default:
        return x.methodNotAllowed();
    }
  }

  /** Graph's answer for an injected fault. */
  Reply fault(Call call, int status, Optional<String> retryAfter) {
    GraphExchange x = exchange(call);
    Reply reply;
    switch (status) {
      case 401:
        return x.unauthorized("Access token has expired or is not yet valid.");
      case 429:
        reply = x.error(429, "TooManyRequests", "Please retry again later.", "429");
        break;
      case 503:
        reply =
            x.error(
                503,
                "serviceNotAvailable",
                "The service is temporarily unavailable for maintenance or is overloaded."
                    + " Try again later.",
                "503");
        break;
      case 504:
        reply = x.error(504, "GatewayTimeout", "The gateway timed out.", "504");
        break;
      default:
        reply =
            x.error(status, "generalException", "An unspecified error has occurred.", "" + status);
    }
    retryAfter.ifPresent(v -> reply.header("Retry-After", v));
    return reply;
  }
}
