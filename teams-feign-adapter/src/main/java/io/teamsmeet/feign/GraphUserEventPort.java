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
 * {@link EventPort} on Graph v1.0 {@code /users/{id or upn}/events} and {@code /users/{id or
 * upn}/calendar} for one user: what {@link GraphEventPort#forUser} returns. Same headers, bodies,
 * decoding and failure mapping as {@link GraphEventPort}; only the path differs. Thread-safe.
 */
final class GraphUserEventPort implements EventPort {

  private final UserEventApi api;
  private final GraphUser user;
  private final String encodedUser;

  GraphUserEventPort(UserEventApi api, GraphUser user) {
    this.api = api;
    this.user = user;
    this.encodedUser = IdentityPlatformAuthPort.encode(user.value());
  }

  @Override
  public CalendarEvent create(
      AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
    EventBodies.Create body = new EventBodies.Create(request, transactionId);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.create(Exchange.bearer(token), encodedUser, body));
  }

  @Override
  public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.get(Exchange.bearer(token), encodedUser, id));
  }

  @Override
  public CalendarEvent update(
      AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    EventBodies.Update body = new EventBodies.Update(update);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.update(Exchange.bearer(token), encodedUser, id, body));
  }

  @Override
  public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(eventId);
    EventBodies.Cancel body = new EventBodies.Cancel(comment);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> {
          api.cancel(Exchange.bearer(token), encodedUser, id, body);
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
          api.delete(Exchange.bearer(token), encodedUser, id);
          return null;
        });
  }

  @Override
  public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.allowedProviders(Exchange.bearer(token), encodedUser));
  }

  @Override
  public EventPort forUser(GraphUser other) {
    return new GraphUserEventPort(api, other);
  }

  @Override
  public String toString() {
    return "GraphUserEventPort[" + user + "]";
  }
}
