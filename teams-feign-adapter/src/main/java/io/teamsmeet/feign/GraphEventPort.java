package io.teamsmeet.feign;

import static feign.Request.HttpMethod.DELETE;
import static feign.Request.HttpMethod.GET;
import static feign.Request.HttpMethod.PATCH;
import static feign.Request.HttpMethod.POST;

import io.teamsmeet.AccessToken;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.GraphUser;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link EventPort} on Microsoft Graph v1.0 {@code /me/events} and {@code /me/calendar}, or, as
 * {@link #forUser} returns it, {@code /users/{id or upn}/events} and {@code .../calendar} for one
 * user. Thread-safe. Like {@link GraphMeetingPort}: standard headers, nothing retried here,
 * failures by {@link GraphErrorDecoder}, answers by {@link EventDecoder} ({@link Calls}).
 *
 * <p>Reads and writes of events ask for UTC times ({@code Prefer: outlook.timezone="UTC"}, merged
 * into Graph's one {@code Prefer} header by {@link StandardHeaders}).
 */
final class GraphEventPort implements EventPort {

  static final String PREFER_UTC_VALUE = "outlook.timezone=\"UTC\"";

  private static final Map<String, Collection<String>> UTC = headers(false);
  private static final Map<String, Collection<String>> JSON_UTC = headers(true);
  private static final Type PROVIDERS = Calls.listOf(String.class);

  private final Calls graph;
  private final boolean users;

  /** The user of a {@link #forUser} view, or null for {@code /me}. */
  private final GraphUser user;

  /** {@code /me} or {@code /users/{encoded id or upn}}. */
  private final String owner;

  /** {@code /me} only: {@link #forUser} is not supported. */
  GraphEventPort(Calls graph) {
    this(graph, false);
  }

  /** With {@code users}, {@link #forUser} serves {@code /users/{id}/events}. */
  GraphEventPort(Calls graph, boolean users) {
    this(graph, users, null);
  }

  private GraphEventPort(Calls graph, boolean users, GraphUser user) {
    this.graph = graph;
    this.users = users;
    this.user = user;
    this.owner = Calls.owner(user);
  }

  private static Map<String, Collection<String>> headers(boolean json) {
    Map<String, Collection<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (json) {
      map.putAll(Calls.JSON);
    }
    map.put(StandardHeaders.PREFER, List.of(PREFER_UTC_VALUE));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public EventPort forUser(GraphUser user) {
    if (user == null) {
      throw new IllegalArgumentException("user must not be null");
    }
    if (!users) {
      return EventPort.super.forUser(user);
    }
    return new GraphEventPort(graph, true, user);
  }

  @Override
  public CalendarEvent create(
      AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
    EventBodies.Create body = new EventBodies.Create(request, transactionId);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            (CalendarEvent)
                graph.send(POST, owner + "/events", JSON_UTC, token, body, CalendarEvent.class));
  }

  @Override
  public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
    String id = Calls.segment(eventId);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            (CalendarEvent)
                graph.send(GET, owner + "/events/" + id, UTC, token, null, CalendarEvent.class));
  }

  @Override
  public CalendarEvent update(
      AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
    String id = Calls.segment(eventId);
    EventBodies.Update body = new EventBodies.Update(update);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            (CalendarEvent)
                graph.send(
                    PATCH, owner + "/events/" + id, JSON_UTC, token, body, CalendarEvent.class));
  }

  @Override
  public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
    String id = Calls.segment(eventId);
    EventBodies.Cancel body = new EventBodies.Cancel(comment);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            graph.send(
                POST, owner + "/events/" + id + "/cancel", Calls.JSON, token, body, void.class));
  }

  @Override
  public void delete(AccessToken token, String eventId, Deadline deadline) {
    String id = Calls.segment(eventId);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> graph.send(DELETE, owner + "/events/" + id, Calls.NONE, token, null, void.class));
  }

  /**
   * {@code allowedOnlineMeetingProviders} of the default calendar; {@link EventDecoder} reads it.
   * The query name is sent as {@code %24select}, as Feign sent it.
   */
  @SuppressWarnings("unchecked")
  @Override
  public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            (List<String>)
                graph.send(
                    GET,
                    owner + "/calendar?%24select=allowedOnlineMeetingProviders",
                    Calls.NONE,
                    token,
                    null,
                    PROVIDERS));
  }

  @Override
  public String toString() {
    return user == null ? "GraphEventPort" : "GraphUserEventPort[" + user + "]";
  }
}
