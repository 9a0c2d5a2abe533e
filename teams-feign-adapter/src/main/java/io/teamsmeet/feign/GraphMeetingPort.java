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
 * {@link MeetingPort} on Microsoft Graph v1.0 {@code /me/onlineMeetings}. Thread-safe.
 *
 * <p>Every call sends {@code Authorization: Bearer}, a fresh {@code client-request-id} and the
 * SDK's {@code User-Agent} ({@link StandardHeaders}). Nothing is retried here ({@code
 * Retryer.NEVER_RETRY}): the core decides, because only it knows whether a call may be sent twice.
 * Failures are classified by {@link GraphErrorDecoder}; answers are read by {@link MeetingDecoder}.
 */
final class GraphMeetingPort implements MeetingPort {

  private final GraphApi api;
  private final UserGraphApi userApi;

  GraphMeetingPort(GraphApi api) {
    this(api, null);
  }

  /** With {@code userApi}, {@link #forUser} serves {@code /users/{id}/onlineMeetings}. */
  GraphMeetingPort(GraphApi api, UserGraphApi userApi) {
    this.api = api;
    this.userApi = userApi;
  }

  @Override
  public MeetingPort forUser(GraphUser user) {
    if (user == null) {
      throw new IllegalArgumentException("user must not be null");
    }
    if (userApi == null) {
      return MeetingPort.super.forUser(user);
    }
    return new GraphUserMeetingPort(userApi, user);
  }

  @Override
  public Meeting create(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.Create body = GraphBodies.Create.of(request);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.create(Exchange.bearer(token), body));
  }

  @Override
  public Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline) {
    GraphBodies.CreateOrGet body = GraphBodies.CreateOrGet.of(request);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.createOrGet(Exchange.bearer(token), body));
  }

  @Override
  public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
    String id = encodePathSegment(meetingId);
    return Http.call(MeetingDecoder.SERVICE, deadline, () -> api.get(Exchange.bearer(token), id));
  }

  @Override
  public Optional<Meeting> findByJoinMeetingId(
      AccessToken token, String joinMeetingId, Deadline deadline) {
    return find(
        token, encodeFilter("joinMeetingIdSettings/joinMeetingId", joinMeetingId), deadline);
  }

  @Override
  public Optional<Meeting> findByJoinWebUrl(
      AccessToken token, String joinWebUrl, Deadline deadline) {
    return find(token, encodeFilter("JoinWebUrl", joinWebUrl), deadline);
  }

  /** The first meeting of Graph's collection (Graph documents a single item), or empty. */
  private Optional<Meeting> find(AccessToken token, String filter, Deadline deadline) {
    List<Meeting> found =
        Http.call(MeetingDecoder.SERVICE, deadline, () -> api.find(Exchange.bearer(token), filter));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Meeting update(
      AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
    String id = encodePathSegment(meetingId);
    GraphBodies.Update body = GraphBodies.Update.of(update);
    return Http.call(
        MeetingDecoder.SERVICE, deadline, () -> api.update(Exchange.bearer(token), id, body));
  }

  @Override
  public void delete(AccessToken token, String meetingId, Deadline deadline) {
    String id = encodePathSegment(meetingId);
    Http.call(
        MeetingDecoder.SERVICE,
        deadline,
        () -> {
          api.delete(Exchange.bearer(token), id);
          return null;
        });
  }

  /**
   * Percent-encodes a meeting id as exactly one path segment: only RFC 3986 unreserved characters
   * stay, so {@code :}, {@code @}, {@code /}, {@code %}, {@code +}, {@code ?}, {@code #} and {@code
   * =} are all encoded. {@code .} and {@code ..} are refused: as segments they mean "this" and "the
   * parent" and clients resolve them ({@code GET /v1.0/me/onlineMeetings/..} would become {@code
   * GET /v1.0/me/}); every other id stays one segment under {@code /me/onlineMeetings/}.
   */
  static String encodePathSegment(String meetingId) {
    if (meetingId == null || meetingId.isBlank()) {
      throw new IllegalArgumentException("meetingId must not be null or blank");
    }
    if (meetingId.equals(".") || meetingId.equals("..")) {
      throw new IllegalArgumentException(
          "meetingId must not be \".\" or \"..\" (it would not stay one path segment)");
    }
    return IdentityPlatformAuthPort.encode(meetingId);
  }

  /**
   * The {@code $filter} value {@code property eq 'value'} as a query value, percent-encoded once:
   * the OData string literal doubles a {@code '} in the value, then every byte that is not an RFC
   * 3986 unreserved character becomes {@code %XX} (a space is {@code %20}, never {@code +}; a
   * {@code %} of the value is {@code %25}, so a join URL's {@code %3a} arrives at Graph as the
   * {@code %3a} it gave out). Feign passes such a value through unchanged.
   */
  static String encodeFilter(String property, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(property + " must not be null or empty");
    }
    return IdentityPlatformAuthPort.encode(property + " eq '" + value.replace("'", "''") + "'");
  }

  @Override
  public String toString() {
    return "GraphMeetingPort";
  }
}
