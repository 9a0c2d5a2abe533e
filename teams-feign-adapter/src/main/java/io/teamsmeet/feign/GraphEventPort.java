package io.teamsmeet.feign;

import io.teamsmeet.AccessToken;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.GraphUser;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import java.util.List;

/**
 * {@link EventPort} on Microsoft Graph v1.0 {@code /me/events} and {@code /me/calendar}.
 * Thread-safe. Like {@link GraphMeetingPort}: standard headers, nothing retried here, failures by
 * {@link GraphErrorDecoder}, answers by {@link EventDecoder}.
 */
final class GraphEventPort implements EventPort {

  private final EventApi api;
  private final UserEventApi userApi;

  GraphEventPort(EventApi api) {
    this(api, null);
  }

  /** With {@code userApi}, {@link #forUser} serves {@code /users/{id}/events}. */
  GraphEventPort(EventApi api, UserEventApi userApi) {
    this.api = api;
    this.userApi = userApi;
  }

  @Override
  public EventPort forUser(GraphUser user) {
    if (user == null) {
      throw new IllegalArgumentException("user must not be null");
    }
    if (userApi == null) {
      return EventPort.super.forUser(user);
    }
    return new GraphUserEventPort(userApi, user);
  }

  @Override
  public CalendarEvent create(
      AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
    EventBodies.Create body = new EventBodies.Create(request, transactionId);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.create(Exchange.bearer(token), body));
  }

  @Override
  public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    return Http.call(MeetingDecoder.SERVICE, deadline, () -> api.get(Exchange.bearer(token), id));
  }

  @Override
  public CalendarEvent update(
      AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    EventBodies.Update body = new EventBodies.Update(update);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.update(Exchange.bearer(token), id, body));
  }

  @Override
  public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    EventBodies.Cancel body = new EventBodies.Cancel(comment);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> {
          api.cancel(Exchange.bearer(token), id, body);
          return null;
        });
  }

  @Override
  public void delete(AccessToken token, String eventId, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> {
          api.delete(Exchange.bearer(token), id);
          return null;
        });
  }

  @Override
  public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.allowedProviders(Exchange.bearer(token)));
  }

  @Override
  public String toString() {
    return "GraphEventPort";
  }
}
