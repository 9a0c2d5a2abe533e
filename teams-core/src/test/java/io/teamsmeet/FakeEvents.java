package io.teamsmeet;

import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.EventPort;
import io.teamsmeet.spi.Failures;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process calendar API for core tests: accepts only valid tokens of {@link FakeIdentity},
 * keeps events per account, recognizes a repeated {@code transactionId} like Graph, and fails on
 * demand (queued failures, before anything is done; {@link #failuresAfterCreate} after the event
 * was stored).
 */
final class FakeEvents implements EventPort {

  private final FakeIdentity identity;
  final Map<String, CalendarEvent> events = new ConcurrentHashMap<>();
  final Map<String, String> owners = new ConcurrentHashMap<>(); // event id -> account
  final Map<String, String> byTransaction = new ConcurrentHashMap<>(); // account|txid -> id
  final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
  final Queue<RuntimeException> failuresAfterCreate = new ConcurrentLinkedQueue<>();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger providerReads = new AtomicInteger();
  final List<String> transactionIds = new CopyOnWriteArrayList<>();
  final List<String> tokensSeen = new CopyOnWriteArrayList<>();
  volatile List<String> allowedProviders = List.of("teamsForBusiness");

  /** Tokens Graph rejects with 401 although the identity platform issued them. */
  final java.util.Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();

  FakeEvents(FakeIdentity identity) {
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
      throw FakeGraph.unauthorized();
    }
    return identity.accountOf(token).orElseThrow(FakeGraph::unauthorized);
  }

  @Override
  public CalendarEvent create(
      AccessToken token, EventRequest request, String transactionId, Deadline deadline) {
    transactionIds.add(transactionId); // every attempt, also those that fail
    String account = authenticate(token);
    String id =
        byTransaction.computeIfAbsent(
            account + "|" + transactionId,
            k -> {
              String eventId = "AAMkAGI2TG93AAA=" + UUID.randomUUID().toString().replace("-", "");
              events.put(
                  eventId,
                  CalendarEvent.builder(
                          eventId,
                          URI.create("https://teams.microsoft.com/l/meetup-join/" + eventId))
                      .subject(request.subject())
                      .times(request.start().toInstant(), request.end().toInstant())
                      .zone(request.start().getZone())
                      .invitees(request.invitees())
                      .transactionId(transactionId)
                      .build());
              owners.put(eventId, account);
              return eventId;
            });
    RuntimeException after = failuresAfterCreate.poll();
    if (after != null) {
      throw after;
    }
    return events.get(id);
  }

  @Override
  public CalendarEvent get(AccessToken token, String eventId, Deadline deadline) {
    return owned(authenticate(token), eventId);
  }

  private CalendarEvent owned(String account, String eventId) {
    CalendarEvent e = events.get(eventId);
    if (e == null || !account.equals(owners.get(eventId))) {
      throw MeetingNotFoundException.of(
          ErrorDetails.builder().status(404).code("ErrorItemNotFound").build());
    }
    return e;
  }

  @Override
  public CalendarEvent update(
      AccessToken token, String eventId, EventUpdate update, Deadline deadline) {
    return owned(authenticate(token), eventId);
  }

  @Override
  public void cancel(AccessToken token, String eventId, String comment, Deadline deadline) {
    owned(authenticate(token), eventId);
    events.remove(eventId);
  }

  @Override
  public void delete(AccessToken token, String eventId, Deadline deadline) {
    owned(authenticate(token), eventId);
    events.remove(eventId);
  }

  @Override
  public List<String> allowedOnlineMeetingProviders(AccessToken token, Deadline deadline) {
    authenticate(token);
    providerReads.incrementAndGet();
    return allowedProviders;
  }

  /** What the adapter reports for an event Graph returned without a Teams meeting. */
  static TeamsMeetingUnavailableException withoutTeams(String eventId) {
    return Failures.teamsMeetingUnavailable(
        eventId, "unknown", ErrorDetails.builder().status(201).build());
  }
}
