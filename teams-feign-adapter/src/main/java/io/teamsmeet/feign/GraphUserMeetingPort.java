package io.teamsmeet.feign;

import io.teamsmeet.AccessToken;
import io.teamsmeet.GraphUser;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.MeetingPort;
import java.util.List;
import java.util.Optional;

/**
 * {@link MeetingPort} on Graph v1.0 {@code /users/{id or upn}/onlineMeetings} for one user: what
 * {@link GraphMeetingPort#forUser} returns. Same headers, bodies, decoding and failure mapping as
 * {@link GraphMeetingPort}; only the path differs. Thread-safe.
 */
final class GraphUserMeetingPort implements MeetingPort {

  private final UserGraphApi api;
  private final GraphUser user;
  private final String encodedUser;

  GraphUserMeetingPort(UserGraphApi api, GraphUser user) {
    this.api = api;
    this.user = user;
    this.encodedUser = IdentityPlatformAuthPort.encode(user.value());
  }

  @Override
  public Meeting create(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.Create body = GraphBodies.Create.of(request);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.create(Exchange.bearer(token), encodedUser, body));
  }

  @Override
  public Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.CreateOrGet body = GraphBodies.CreateOrGet.of(request);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.createOrGet(Exchange.bearer(token), encodedUser, body));
  }

  @Override
  public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(meetingId);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.get(Exchange.bearer(token), encodedUser, id));
  }

  @Override
  public Optional<Meeting> findByJoinMeetingId(
      AccessToken token, String joinMeetingId, Deadline deadline) {
    return find(
        token,
        GraphMeetingPort.encodeFilter("joinMeetingIdSettings/joinMeetingId", joinMeetingId),
        deadline);
  }

  @Override
  public Optional<Meeting> findByJoinWebUrl(
      AccessToken token, String joinWebUrl, Deadline deadline) {
    return find(token, GraphMeetingPort.encodeFilter("JoinWebUrl", joinWebUrl), deadline);
  }

  private Optional<Meeting> find(AccessToken token, String filter, Deadline deadline) {
    List<Meeting> found =
        Http.call(
            MeetingDecoder.SERVICE,
            deadline,
            () -> api.find(Exchange.bearer(token), encodedUser, filter));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Meeting update(
      AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(meetingId);
    GraphBodies.Update body = GraphBodies.Update.of(update);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> api.update(Exchange.bearer(token), encodedUser, id, body));
  }

  @Override
  public void delete(AccessToken token, String meetingId, Deadline deadline) {
    String id = GraphMeetingPort.encodePathSegment(meetingId);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> {
          api.delete(Exchange.bearer(token), encodedUser, id);
          return null;
        });
  }

  @Override
  public MeetingPort forUser(GraphUser other) {
    return new GraphUserMeetingPort(api, other);
  }

  @Override
  public String toString() {
    return "GraphUserMeetingPort[" + user + "]";
  }
}
