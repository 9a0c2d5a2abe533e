package com.example.teams;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.Connection;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

public class TeamsConnector implements AutoCloseable {

  private final TeamsMeetings teams;

  public TeamsConnector(DataSource dataSource, KeysetHandle keysetHandle) {
    this(TeamsMeetings.builder(), dataSource, keysetHandle);
  }

  // Tests pass a builder pointed at the testkit's FakeMicrosoft (see "Testing your integration").
  TeamsConnector(TeamsMeetings.Builder builder, DataSource dataSource, KeysetHandle keysetHandle) {
    teams = builder
        .clientId("11111111-2222-3333-4444-555555555555")   // your app registration
        .clientSecret(System.getenv("TEAMS_CLIENT_SECRET")) // or .certificate(key, cert), or none
        .redirectUri(URI.create("https://app.example/ms/callback"))
        .tokenStore(JdbcTokenStore.create(dataSource))      // your database
        .tokenKeys(keysetHandle)                            // a Tink keyset, or a KMS-backed Aead
        .build();                                           // one per application; thread-safe
  }

  // 1. The user clicks "Connect Microsoft account": send their browser here.
  public URI connect(String appUserId) {
    return teams.beginConnect(appUserId);
  }

  // 2. Microsoft redirects back to your callback: hand over the full URL.
  public Connection callback(String appUserId, URI callbackUri) {
    return teams.completeConnect(appUserId, callbackUri);
  }

  // 3. Any time later, on any instance: create a meeting for that user.
  public Meeting designReview(String appUserId) {
    Meeting meeting = teams.meetings().create(appUserId,
        MeetingRequest.of("Design review", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30)));
    meeting.joinUrl();        // https://teams.microsoft.com/l/meetup-join/...
    meeting.joinMeetingId();  // Optional["123 456 789 012"]
    meeting.passcode();       // Optional["Xy7pQ2"]
    meeting.dialIn();         // Optional[DialIn[conferenceId=..., tollNumbers=[...], ...]]
    // What can be set on it, as Graph reports it back (also from get and update):
    meeting.lobbyBypass();        // Optional[LobbyBypass[scope=ORGANIZATION, dialInBypass=false]]
    meeting.allowedPresenters();  // Optional[EVERYONE]
    meeting.attendees();          // [Attendee[upn=bo@contoso.com, role=PRESENTER], ...]
    meeting.passcodeRequired();   // Optional[true]
    return meeting;
  }

  @Override
  public void close() {
    teams.close();                // at shutdown: stops the refresh threads, frees connections
  }
}
