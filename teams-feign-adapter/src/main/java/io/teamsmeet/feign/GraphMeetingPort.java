package io.teamsmeet.feign;

import static feign.Request.HttpMethod.DELETE;
import static feign.Request.HttpMethod.GET;
import static feign.Request.HttpMethod.PATCH;
import static feign.Request.HttpMethod.POST;

import io.teamsmeet.AccessToken;
import io.teamsmeet.GraphUser;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.MeetingPort;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * {@link MeetingPort} on Microsoft Graph v1.0 {@code /me/onlineMeetings}, or, as {@link #forUser}
 * returns it, {@code /users/{id or upn}/onlineMeetings} for one user (application mode): same
 * headers, bodies, decoding and failure mapping, only the path differs. Thread-safe.
 *
 * <p>Every call sends {@code Authorization: Bearer}, a fresh {@code client-request-id} and the
 * SDK's {@code User-Agent} ({@link StandardHeaders}). Nothing is retried here: the core decides,
 * because only it knows whether a call may be sent twice. Failures are classified by {@link
 * GraphErrorDecoder}; answers are read by {@link MeetingDecoder} ({@link Calls}).
 */
final class GraphMeetingPort implements MeetingPort {

  private static final Type MEETINGS = Calls.listOf(Meeting.class);

  private final Calls graph;
  private final boolean users;

  /** The user of a {@link #forUser} view, or null for {@code /me}. */
  private final GraphUser user;

  /** {@code /me/onlineMeetings} or {@code /users/{encoded id or upn}/onlineMeetings}. */
  private final String path;

  /** {@code /me} only: {@link #forUser} is not supported. */
  GraphMeetingPort(Calls graph) {
    this(graph, false);
  }

  /** With {@code users}, {@link #forUser} serves {@code /users/{id}/onlineMeetings}. */
  GraphMeetingPort(Calls graph, boolean users) {
    this(graph, users, null);
  }

  private GraphMeetingPort(Calls graph, boolean users, GraphUser user) {
    this.graph = graph;
    this.users = users;
    this.user = user;
    this.path = Calls.owner(user) + "/onlineMeetings";
  }

  @Override
  public MeetingPort forUser(GraphUser user) {
    if (user == null) {
      throw new IllegalArgumentException("user must not be null");
    }
    if (!users) {
      return MeetingPort.super.forUser(user);
    }
    return new GraphMeetingPort(graph, true, user);
  }

  @Override
  public Meeting create(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.Create body = GraphBodies.Create.of(request);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> (Meeting) graph.send(POST, path, Calls.JSON, token, body, Meeting.class));
  }

  @Override
  public Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.CreateOrGet body = GraphBodies.CreateOrGet.of(request);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () ->
            (Meeting)
                graph.send(POST, path + "/createOrGet", Calls.JSON, token, body, Meeting.class));
  }

  @Override
  public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
    String id = Calls.segment(meetingId);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> (Meeting) graph.send(GET, path + "/" + id, Calls.NONE, token, null, Meeting.class));
  }

  @Override
  public Optional<Meeting> findByJoinMeetingId(
      AccessToken token, String joinMeetingId, Deadline deadline) {
    return find(
        token, Calls.filter("joinMeetingIdSettings/joinMeetingId", joinMeetingId), deadline);
  }

  @Override
  public Optional<Meeting> findByJoinWebUrl(
      AccessToken token, String joinWebUrl, Deadline deadline) {
    return find(token, Calls.filter("JoinWebUrl", joinWebUrl), deadline);
  }

  /**
   * The first meeting of Graph's collection (Graph documents a single item), or empty. The query
   * name is sent as {@code %24filter}, which Graph decodes to {@code $filter} (as Feign sent it,
   * and as Microsoft's Kiota-generated SDKs send it).
   */
  @SuppressWarnings("unchecked")
  private Optional<Meeting> find(AccessToken token, String filter, Deadline deadline) {
    List<Meeting> found =
        Http.call(
            MeetingDecoder.SERVICE,
            deadline,
            () ->
                (List<Meeting>)
                    graph.send(
                        GET, path + "?%24filter=" + filter, Calls.NONE, token, null, MEETINGS));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Meeting update(
      AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
    String id = Calls.segment(meetingId);
    GraphBodies.Update body = GraphBodies.Update.of(update);
    return Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> (Meeting) graph.send(PATCH, path + "/" + id, Calls.JSON, token, body, Meeting.class));
  }

  @Override
  public void delete(AccessToken token, String meetingId, Deadline deadline) {
    String id = Calls.segment(meetingId);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> graph.send(DELETE, path + "/" + id, Calls.NONE, token, null, void.class));
  }

  @Override
  public String toString() {
    return user == null ? "GraphMeetingPort" : "GraphUserMeetingPort[" + user + "]";
  }
}
