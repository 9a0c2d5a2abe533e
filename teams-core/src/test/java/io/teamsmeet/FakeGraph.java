package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.MeetingPort;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process Graph for core tests: accepts only valid tokens of {@link FakeIdentity}. */
final class FakeGraph implements MeetingPort {

  private final FakeIdentity identity;
  final Map<String, Meeting> meetings = new ConcurrentHashMap<>();
  final Map<String, String> owners = new ConcurrentHashMap<>(); // meeting id -> account
  final Map<String, String> byExternalId = new ConcurrentHashMap<>(); // account|externalId -> id
  final Set<String> unlicensed = ConcurrentHashMap.newKeySet();
  final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
  final AtomicInteger calls = new AtomicInteger();

  /** Tokens Graph rejects with 401 although the identity platform issued them (revoked session). */
  final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();

  final List<String> tokensSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The join meeting ids and join URLs looked up, in order (each attempt). */
  final List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();

  FakeGraph(FakeIdentity identity) {
    this.identity = identity;
  }

  private String authenticate(AccessToken token) {
    calls.incrementAndGet();
    tokensSeen.add(token.value());
    RuntimeException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    if (rejectedTokens.contains(token.value())) {
      throw unauthorized();
    }
    String account = identity.accountOf(token).orElseThrow(FakeGraph::unauthorized);
    if (unlicensed.contains(account)) {
      throw PermissionDeniedException.of(
          ErrorDetails.builder().status(403).code("Forbidden").requestId("req-403").build());
    }
    return account;
  }

  static TeamsServiceException unauthorized() {
    return TeamsServiceException.of(
        "Graph rejected the access token",
        ErrorDetails.builder()
            .status(401)
            .code("InvalidAuthenticationToken")
            .requestId("req-401")
            .build(),
        false,
        null);
  }

  @Override
  public Meeting create(AccessToken token, MeetingRequest request, Deadline deadline) {
    String account = authenticate(token);
    return store(account, request, request.passcodeRequired());
  }

  private Meeting store(String account, MeetingRequest request, boolean passcode) {
    String id = "MSo" + UUID.randomUUID().toString().replace("-", "") + "_@thread.v2";
    Meeting meeting =
        Meeting.builder(
                id, URI.create("https://teams.microsoft.com/l/meetup-join/" + UUID.randomUUID()))
            .subject(request.subject())
            .times(request.start().orElse(null), request.end().orElse(null))
            .joinMeetingId(
                String.valueOf(100_000_000_000L + meetings.size()), passcode ? "Xy7pQ2" : null)
            .passcodeRequired(passcode)
            .attendees(request.attendees())
            .dialIn(
                new DialIn(
                    Optional.of("123456789"), Optional.empty(), List.of("+1 555 0100"), List.of()))
            .organizer(
                new Organizer(
                    Optional.of("oid-" + account), Optional.of(account), Optional.empty()))
            .externalId(request.externalId().orElse(null))
            .build();
    meetings.put(id, meeting);
    owners.put(id, account);
    return meeting;
  }

  @Override
  public Meeting createOrGet(AccessToken token, MeetingRequest request, Deadline deadline) {
    String account = authenticate(token);
    String key = account + "|" + request.externalId().orElseThrow();
    String[] created = new String[1];
    String id =
        byExternalId.computeIfAbsent(key, k -> created[0] = store(account, request, false).id());
    return meetings.get(id);
  }

  @Override
  public Meeting get(AccessToken token, String meetingId, Deadline deadline) {
    String account = authenticate(token);
    Meeting meeting = meetings.get(meetingId);
    if (meeting == null || !account.equals(owners.get(meetingId))) {
      throw MeetingNotFoundException.of(
          ErrorDetails.builder().status(404).code("NotFound").build());
    }
    return meeting;
  }

  @Override
  public Optional<Meeting> findByJoinMeetingId(
      AccessToken token, String joinMeetingId, Deadline deadline) {
    lookups.add(joinMeetingId);
    String account = authenticate(token);
    return ownMeetings(account)
        .filter(m -> m.joinMeetingId().filter(joinMeetingId::equals).isPresent())
        .findFirst();
  }

  @Override
  public Optional<Meeting> findByJoinWebUrl(
      AccessToken token, String joinWebUrl, Deadline deadline) {
    lookups.add(joinWebUrl);
    String account = authenticate(token);
    return ownMeetings(account).filter(m -> m.joinUrl().toString().equals(joinWebUrl)).findFirst();
  }

  private java.util.stream.Stream<Meeting> ownMeetings(String account) {
    return meetings.values().stream().filter(m -> account.equals(owners.get(m.id())));
  }

  @Override
  public Meeting update(
      AccessToken token, String meetingId, MeetingUpdate update, Deadline deadline) {
    Meeting meeting = get(token, meetingId, deadline);
    Meeting.Builder changed = meeting.toBuilder();
    update.subject().ifPresent(changed::subject);
    if (update.start().isPresent()) {
      changed.times(update.start().get(), update.end().orElseThrow());
    }
    update.attendees().ifPresent(changed::attendees);
    update.lobbyBypass().ifPresent(changed::lobbyBypass);
    update.allowedPresenters().ifPresent(changed::allowedPresenters);
    Meeting updated = changed.build();
    meetings.put(meetingId, updated);
    return updated;
  }

  @Override
  public void delete(AccessToken token, String meetingId, Deadline deadline) {
    get(token, meetingId, deadline);
    meetings.remove(meetingId);
    owners.remove(meetingId);
  }
}
