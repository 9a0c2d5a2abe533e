package io.teamsmeet.tokenstore.jdbc;

import io.teamsmeet.AccessToken;
import io.teamsmeet.ErrorDetails;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.Failures;
import io.teamsmeet.spi.MeetingPort;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Graph's online meetings, in process: creates meetings for tokens the identity fake accepts. */
final class FakeGraph implements MeetingPort {

  private final FakeIdentityPlatform identity;

  /** The access tokens meetings were created with, in order (test-only values). */
  final List<String> tokensUsed = new CopyOnWriteArrayList<>();

  FakeGraph(FakeIdentityPlatform identity) {
    this.identity = identity;
  }

  @Override
  public Meeting create(AccessToken token, MeetingRequest request, Deadline deadline) {
    if (!identity.accepts(token)) {
      throw Failures.service("401 InvalidAuthenticationToken", ErrorDetails.none(), false, null);
    }
    tokensUsed.add(token.value());
    int n = tokensUsed.size();
    return Meeting.builder("meeting-" + n, URI.create("https://teams.fake/l/meetup-join/" + n))
        .subject(request.subject())
        .times(request.start().orElse(null), request.end().orElse(null))
        .build();
  }

  @Override
  public Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline) {
    return create(token, request, deadline);
  }

  @Override
  public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
    throw new UnsupportedOperationException("not needed here");
  }

  @Override
  public java.util.Optional<Meeting> findByJoinMeetingId(
      AccessToken token, String joinMeetingId, Deadline deadline) {
    throw new UnsupportedOperationException("not needed here");
  }

  @Override
  public java.util.Optional<Meeting> findByJoinWebUrl(
      AccessToken token, String joinWebUrl, Deadline deadline) {
    throw new UnsupportedOperationException("not needed here");
  }

  @Override
  public Meeting update(
      AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
    throw new UnsupportedOperationException("not needed here");
  }

  @Override
  public void delete(AccessToken token, String meetingId, Deadline deadline) {
    throw new UnsupportedOperationException("not needed here");
  }
}
