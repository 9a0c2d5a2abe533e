package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Response;
import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.CalendarEvent;
import io.teamsmeet.DialIn;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.Meeting;
import io.teamsmeet.Organizer;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The decoders read only the top-level fields they map ({@link Json#parseFields}) and skip the rest
 * with the streaming parser. Property: the outcome is the one of reading the whole tree (the same
 * {@link Meeting} or {@link CalendarEvent}, or the same failure), on Graph's full-size answers, on
 * adversarial ones, and on every truncation and thousands of mutations of them.
 */
class SkippedFieldsTest {

  private static final MeetingDecoder MEETINGS = new MeetingDecoder();
  private static final EventDecoder EVENTS = new EventDecoder();
  private static final String JOIN_WEB_URL =
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0%40thread.v2/0?context=%7b%22Tid%22%3a%22909c6581-5130-43e9-88f3-fcb3582cde37%22%2c%22Oid%22%3a%225f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f%22%7d";

  /**
   * Graph v1.0's answer to a create in full (the shape of the benchmarks' {@code
   * FakeEndpoints.FULL_MEETING}, about 5 KB): most of it is fields the SDK does not read.
   */
  static final String FULL_MEETING = fullMeeting();

  private static final Type MEETING_LIST =
      new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
          return new Type[] {Meeting.class};
        }

        @Override
        public Type getRawType() {
          return List.class;
        }

        @Override
        public Type getOwnerType() {
          return null;
        }
      };

  private static String fullMeeting() {
    String invitation =
        "<div style=\"width:100%;height: 20px;\"><span style=\"white-space:nowrap;color:#5F5F5F;"
            + "opacity:.36;\">"
            + "_".repeat(80)
            + "</span></div><div class=\"me-email-text\" lang=\"en-US\" style=\"color:#252424;"
            + "font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;\">"
            + "<div style=\"margin-top: 24px; margin-bottom: 20px;\"><span style=\"font-size: 24px;"
            + " color:#252424\">Microsoft Teams meeting</span></div><a class=\"me-email-headline\""
            + " href=\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ1MjYxZjItOWQ3NC00Y"
            + "zYxLWI3ZmEtYWI2ZTc3NzUzMzA0%40thread.v2/0\">Click here to join the meeting</a>"
            + "<span>Meeting ID: 338 493 857 485 2</span><br><span>Passcode: fW5ck9</span>"
            + "<a href=\"https://aka.ms/JoinTeamsMeeting\">Learn More</a> | <a href=\"https://"
            + "teams.microsoft.com/meetingOptions/?organizerId=5f1c7a2e\">Meeting options</a></div>"
            + "<div style=\"width:100%;height: 20px;\"><span>"
            + "_".repeat(80)
            + "</span></div>";
    String content = "data:text/html," + URLEncoder.encode(invitation, StandardCharsets.UTF_8);
    return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f')/onlineMeetings/$entity\","
        + "\"id\":\"MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_MjAyMTA0MDkwNzI4MDQ5MTIzNDU2Nzg5\","
        + "\"creationDateTime\":\"2026-11-25T10:00:00.1234567Z\","
        + "\"startDateTime\":\"2026-12-01T09:00:00Z\",\"endDateTime\":\"2026-12-01T09:30:00Z\","
        + "\"joinUrl\":null,\"joinWebUrl\":\""
        + JOIN_WEB_URL
        + "\",\"meetingCode\":\"333344445555\",\"subject\":\"Quarterly review\",\"isBroadcast\":false,"
        + "\"autoAdmittedUsers\":\"everyoneInCompany\",\"outerMeetingAutoAdmittedUsers\":null,"
        + "\"isEntryExitAnnounced\":true,\"allowedPresenters\":\"everyone\",\"allowMeetingChat\":\"enabled\","
        + "\"shareMeetingChatHistoryDefault\":\"none\",\"allowTeamworkReactions\":true,"
        + "\"allowAttendeeToEnableCamera\":true,\"allowAttendeeToEnableMic\":true,\"allowRecording\":true,"
        + "\"allowTranscription\":true,\"recordAutomatically\":false,\"externalId\":\"crm-42\","
        + "\"videoTeleconferenceId\":null,\"isEndToEndEncryptionEnabled\":false,"
        + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true,\"joinMeetingId\":\"3384938574852\",\"passcode\":\"fW5ck9\"},"
        + "\"lobbyBypassSettings\":{\"scope\":\"organization\",\"isDialInBypassEnabled\":false},"
        + "\"audioConferencing\":{\"conferenceId\":\"9999999\",\"tollNumber\":\"+12525634478\",\"tollFreeNumber\":\"+18666390588\","
        + "\"tollNumbers\":[\"+12525634478\"],\"tollFreeNumbers\":[\"+18666390588\"],"
        + "\"dialinUrl\":\"https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=9999999\"},"
        + "\"chatInfo\":{\"threadId\":\"19:meeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0@thread.v2\",\"messageId\":\"0\",\"replyChainMessageId\":null},"
        + "\"participants\":{\"organizer\":{\"upn\":\"adele@contoso.example\",\"role\":\"presenter\","
        + "\"identity\":{\"application\":null,\"device\":null,\"phone\":null,"
        + "\"user\":{\"id\":\"5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f\",\"displayName\":\"Adele Vance\",\"tenantId\":\"909c6581-5130-43e9-88f3-fcb3582cde37\",\"identityProvider\":\"AAD\"}}},"
        + "\"attendees\":[{\"upn\":\"bob@contoso.example\",\"role\":\"attendee\","
        + "\"identity\":{\"user\":{\"id\":\"0d4f7a5e-1c9b-4a3e-8f2d-6b7c8d9e0f1a\",\"displayName\":null,"
        + "\"tenantId\":\"909c6581-5130-43e9-88f3-fcb3582cde37\",\"identityProvider\":\"AAD\"}}},"
        + "{\"upn\":\"carol@fabrikam.example\",\"role\":\"presenter\","
        + "\"identity\":{\"user\":{\"id\":null,\"displayName\":\"carol@fabrikam.example\","
        + "\"tenantId\":null,\"identityProvider\":\"MSA\"}}}]},"
        + "\"meetingTemplateId\":null,\"watermarkProtection\":null,\"broadcastSettings\":null,"
        + "\"chatRestrictions\":{\"allowedMessageTypes\":[\"text\",\"image\",\"gif\",\"sticker\"]},"
        + "\"joinInformation\":{\"content\":\""
        + content
        + "\",\"contentType\":\"html\"},"
        + "\"lobbyBypassSettings@odata.type\":\"#microsoft.graph.lobbyBypassSettings\"}";
  }

  /** A created event with a large HTML body, as {@code POST /me/events} answers. */
  static final String EVENT =
      EventWireTest.EVENT_UTC.replace(
          "\"isCancelled\": false,",
          "\"isCancelled\": false, \"body\": {\"contentType\": \"html\", \"content\": \"<html><body>"
              + "Agenda<br><div>"
              + "_".repeat(1000)
              + "</div><a href=\\\"https://teams.microsoft.com/l/meetup-join/x\\\">Join</a>"
              + "</body></html>\"}, \"organizer\": {\"emailAddress\": {\"address\": \"a@b.example\"}},"
              + "\"location\": {\"displayName\": \"\", \"address\": {}, \"coordinates\": {}},");

  @Test
  void theFullSizeMeetingMapsEveryFieldAsBefore() {
    Meeting m = (Meeting) MEETINGS.decode(response(FULL_MEETING), Meeting.class);

    Meeting expected =
        Meeting.builder(
                "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ_MjAyMTA0MDkwNzI4MDQ5MTIzNDU2Nzg5",
                URI.create(JOIN_WEB_URL))
            .subject("Quarterly review")
            .times(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:30:00Z"))
            .createdAt(Instant.parse("2026-11-25T10:00:00.1234567Z"))
            .joinMeetingId("3384938574852", "fW5ck9")
            .passcodeRequired(true)
            .dialIn(
                new DialIn(
                    java.util.Optional.of("9999999"),
                    java.util.Optional.of(
                        "https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=9999999"),
                    List.of("+12525634478"),
                    List.of("+18666390588")))
            .organizer(
                new Organizer(
                    java.util.Optional.of("5f1c7a2e-0c2b-4f4e-9d7e-1a2b3c4d5e6f"),
                    java.util.Optional.of("adele@contoso.example"),
                    java.util.Optional.of("Adele Vance")))
            .attendees(
                List.of(
                    new Attendee("bob@contoso.example", Attendee.Role.ATTENDEE),
                    new Attendee("carol@fabrikam.example", Attendee.Role.PRESENTER)))
            .lobbyBypass(new LobbyBypass(LobbyBypass.Scope.ORGANIZATION, false))
            .allowedPresenters(AllowedPresenters.EVERYONE)
            .externalId("crm-42")
            .chatThreadId("19:meeting_MGQ1MjYxZjItOWQ3NC00YzYxLWI3ZmEtYWI2ZTc3NzUzMzA0@thread.v2")
            .build();
    assertThat(m).isEqualTo(expected);
    assertThat(m).isEqualTo(meetingFromWholeTree(FULL_MEETING));
  }

  @Test
  void onlyTheMappedFieldsAreKeptAndTheyAreTheWholeTreesValues() throws IOException {
    byte[] body = FULL_MEETING.getBytes(StandardCharsets.UTF_8);

    JsonNode kept = Json.parseFields(body, MeetingDecoder.FIELDS);

    assertThat(kept).isEqualTo(retained(Json.parse(body), MeetingDecoder.FIELDS.names()));
    assertThat(names(kept))
        .containsExactly(
            "id",
            "creationDateTime",
            "startDateTime",
            "endDateTime",
            "joinWebUrl",
            "subject",
            "allowedPresenters",
            "externalId",
            "joinMeetingIdSettings",
            "lobbyBypassSettings",
            "audioConferencing",
            "chatInfo",
            "participants");
  }

  @Test
  void neededNamesInsideSkippedFieldsDoNotLeakIntoTheResult() throws IOException {
    String body =
        "{\"joinInformation\":{\"id\":\"x\",\"joinWebUrl\":\"https://evil.example/x\"},"
            + "\"unknown\":[{\"id\":\"z\"},[\"id\",\"joinWebUrl\"],{\"subject\":{\"id\":\"w\"}}],"
            + "\"id\":\"m1\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
            + "\"broadcastSettings\":{\"audioConferencing\":{\"conferenceId\":\"1\"}},"
            + "\"note\":\"\\\"subject\\\":\\\"s\\\", \\\"externalId\\\":\\\"e\\\"\"}";

    Meeting m = (Meeting) MEETINGS.decode(response(body), Meeting.class);

    assertThat(m.id()).isEqualTo("m1");
    assertThat(m.joinUrl()).isEqualTo(URI.create("https://teams.microsoft.com/l/meetup-join/x"));
    assertThat(m.subject()).isEmpty();
    assertThat(m.externalId()).isEmpty();
    assertThat(m.dialIn()).isEmpty();
    assertThat(names(Json.parseFields(bytes(body), MeetingDecoder.FIELDS)))
        .containsExactly("id", "joinWebUrl");
    assertThat(m).isEqualTo(meetingFromWholeTree(body));
  }

  @Test
  void neededFieldsOnlyInsideSkippedOnesAreMissing() {
    String body =
        "{\"joinInformation\":{\"id\":\"x\",\"joinWebUrl\":\"https://teams.microsoft.com/l/x\"},"
            + "\"unknown\":[{\"id\":\"z\"}]}";

    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class, () -> MEETINGS.decode(response(body), Meeting.class));

    assertThat(e.getMessage()).contains("has no id").doesNotContain("\"x\"");
  }

  @Test
  void audioConferencingInAnotherCaseIsStillRead() {
    String body =
        "{\"id\":\"m1\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
            + "\"joinInformation\":{\"content\":\"data:text/html,%3Cdiv%3E\"},"
            + "\"AudioConferencing\":{\"ConferenceId\":\"123\",\"TollNumber\":\"+1 425\"}}";

    Meeting m = (Meeting) MEETINGS.decode(response(body), Meeting.class);

    assertThat(m.dialIn())
        .contains(
            new DialIn(
                java.util.Optional.of("123"),
                java.util.Optional.empty(),
                List.of("+1 425"),
                List.of()));
    assertThat(m).isEqualTo(meetingFromWholeTree(body));
  }

  @Test
  void duplicateKeysKeepTheLastValueAsTheWholeTreeDoes() throws IOException {
    String body =
        "{\"id\":\"first\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
            + "\"skipped\":{\"id\":\"nested\"},\"id\":\"last\",\"subject\":null,\"subject\":\"s\"}";

    Meeting m = (Meeting) MEETINGS.decode(response(body), Meeting.class);

    assertThat(m.id()).isEqualTo("last");
    assertThat(m.subject()).contains("s");
    assertThat(Json.parseFields(bytes(body), MeetingDecoder.FIELDS))
        .isEqualTo(retained(Json.parse(bytes(body)), MeetingDecoder.FIELDS.names()));
  }

  @Test
  void keptValuesOfEveryKindAreTheNodesTheWholeTreeHas() throws IOException {
    String body =
        "{\"id\":123456789012345678901234567890,\"subject\":1.5e300,\"externalId\":7,"
            + "\"skipped\":1e99999,\"allowedPresenters\":-0.0,\"startDateTime\":true,"
            + "\"endDateTime\":null,\"chatInfo\":[1,2.5,1e400,9223372036854775808,\"\\u00e9\",null,{}],"
            + "\"participants\":{\"attendees\":[{\"upn\":\"a\\/b\\ud83d\\ude00\"}],\"n\":-12}}";

    JsonNode kept = Json.parseFields(bytes(body), MeetingDecoder.FIELDS);

    assertThat(kept).isEqualTo(retained(Json.parse(bytes(body)), MeetingDecoder.FIELDS.names()));
    assertThat(kept.get("id").isBigInteger()).isTrue();
    assertThat(kept.get("endDateTime").isNull()).isTrue();
    assertThat(names(kept)).doesNotContain("skipped");
  }

  @Test
  void fieldNamesMatchIgnoringCaseAndNothingElse() {
    Json.Fields fields = Json.Fields.of("id", "audioConferencing");

    assertThat(fields.contains("id")).isTrue();
    assertThat(fields.contains("ID")).isTrue();
    assertThat(fields.contains("AudioConferencing")).isTrue();
    assertThat(fields.contains("AUDIOCONFERENCING")).isTrue();
    assertThat(fields.contains("ie")).isFalse();
    assertThat(fields.contains("audioConferencinG2")).isFalse();
    assertThat(fields.contains("")).isFalse();
    assertThat(fields.contains("x".repeat(100))).isFalse();
    assertThat(fields.names()).containsExactly("id", "audioConferencing");
  }

  @Test
  void malformedJsonInsideASkippedFieldIsStillNotValidJson() {
    int cut = FULL_MEETING.indexOf("\"joinInformation\"") + 200;
    for (String body :
        List.of(
            FULL_MEETING.substring(0, cut),
            FULL_MEETING.replace("\"chatRestrictions\":{", "\"chatRestrictions\":{]"),
            FULL_MEETING.replace("\"meetingTemplateId\":null", "\"meetingTemplateId\":nul"),
            FULL_MEETING.replace("\"contentType\":\"html\"", "\"contentType\":\"ht\u0001ml\""),
            FULL_MEETING.replace("\"contentType\":\"html\"", "\"contentType\":\"\\qhtml\""),
            FULL_MEETING.replace("\"isBroadcast\":false", "\"isBroadcast\":01"))) {
      TeamsServiceException e =
          catchThrowableOfType(
              TeamsServiceException.class, () -> MEETINGS.decode(response(body), Meeting.class));
      assertThat(e.getMessage()).contains("is not valid JSON");
      assertThat(e.isRetryable()).isFalse();
    }
  }

  @Test
  void aTopLevelArrayOrScalarIsStillNotAJsonObject() {
    for (String body : List.of("[" + FULL_MEETING + "]", "\"text\"", "42", "null", "true")) {
      TeamsServiceException e =
          catchThrowableOfType(
              TeamsServiceException.class, () -> MEETINGS.decode(response(body), Meeting.class));
      assertThat(e.getMessage()).contains("is not a JSON object");
    }
    // a truncated array is not valid JSON, as before: it is parsed in full
    TeamsServiceException e =
        catchThrowableOfType(
            TeamsServiceException.class,
            () -> MEETINGS.decode(response("[" + FULL_MEETING), Meeting.class));
    assertThat(e.getMessage()).contains("is not valid JSON");
  }

  @Test
  void anEmptyOrBlankBodyBehavesAsBefore() throws IOException {
    for (String body : List.of("", " \r\n\t")) {
      assertThat(outcome(body, Meeting.class)).isEqualTo(wholeTreeOutcome(body, Meeting.class));
      TeamsServiceException e =
          catchThrowableOfType(
              TeamsServiceException.class, () -> MEETINGS.decode(response(body), Meeting.class));
      assertThat(e.getMessage()).contains("is not a JSON object");
    }
    assertThat(Json.parseFields(new byte[0], MeetingDecoder.FIELDS).isMissingNode()).isTrue();
    assertThat(Json.parseFields(null, MeetingDecoder.FIELDS).isMissingNode()).isTrue();
  }

  @Test
  void contentAfterTheObjectIsIgnoredAsBefore() {
    for (String trailing : List.of(" garbage", "{\"id\":\"x\"}", "]", "\"unterminated")) {
      String body = FULL_MEETING + trailing;
      Meeting m = (Meeting) MEETINGS.decode(response(body), Meeting.class);
      assertThat(m).isEqualTo(meetingFromWholeTree(FULL_MEETING));
    }
  }

  @Test
  void aCollectionOfFullSizeMeetingsIsReadAsBefore() {
    String body =
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#onlineMeetings\","
            + "\"joinInformation\":{\"value\":[{\"id\":\"leak\"}]},"
            + "\"value\":["
            + FULL_MEETING
            + ","
            + FULL_MEETING.replace("crm-42", "crm-43")
            + "],\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/next\"}";

    @SuppressWarnings("unchecked")
    List<Meeting> meetings = (List<Meeting>) MEETINGS.decode(response(body), MEETING_LIST);

    assertThat(meetings).hasSize(2);
    assertThat(meetings.get(0)).isEqualTo(meetingFromWholeTree(FULL_MEETING));
    assertThat(meetings.get(1).externalId()).contains("crm-43");
  }

  @Test
  void theEventWithItsHtmlBodyMapsAsBefore() throws IOException {
    CalendarEvent event = (CalendarEvent) EVENTS.decode(response(EVENT), CalendarEvent.class);

    assertThat(eventFields(event))
        .isEqualTo(eventFields(EventDecoder.event(response(EVENT), Json.parse(bytes(EVENT)))));
    assertThat(event.invitees()).hasSize(3);
    assertThat(event.webLink()).isPresent();
    assertThat(names(Json.parseFields(bytes(EVENT), EventDecoder.FIELDS)))
        .doesNotContain("body", "organizer", "location", "@odata.context");
  }

  @Test
  void theCalendarsProvidersAreReadAsBefore() {
    String calendar =
        "{\"id\":\"AAMkAGI2TGuLAAA=\",\"name\":\"Calendar\",\"owner\":{\"name\":\"Adele\"},"
            + "\"AllowedOnlineMeetingProviders\":[\"teamsForBusiness\"]}";

    Object providers = EVENTS.decode(response(calendar), List.class);

    assertThat(providers).isEqualTo(List.of("teamsForBusiness"));
  }

  /**
   * Every truncation of the full-size meeting and of the event, and thousands of random mutations
   * (JSON punctuation, control characters, invalid UTF-8, escapes inserted, replaced or deleted
   * anywhere), give the outcome of reading the whole tree: the same value, or the same failure.
   */
  @Test
  void everyTruncationAndMutationHasTheWholeTreesOutcome() {
    for (String body : List.of(FULL_MEETING, EVENT)) {
      Type type = body == FULL_MEETING ? Meeting.class : CalendarEvent.class;
      byte[] bytes = bytes(body);
      for (int n = 0; n <= bytes.length; n++) {
        byte[] cut = Arrays.copyOf(bytes, n);
        assertThat(outcome(cut, type)).as("cut at %d", n).isEqualTo(wholeTreeOutcome(cut, type));
      }
      Random random = new Random(19);
      byte[] alphabet = bytes("{}[]:,\"\\ \u0001nt0-1e.aZ");
      for (int i = 0; i < 3000; i++) {
        byte[] mutant = bytes.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(mutant.length);
          int r = random.nextInt(10);
          byte b =
              r < 7
                  ? alphabet[random.nextInt(alphabet.length)]
                  : (byte) (0x80 + random.nextInt(0x80)); // a stray UTF-8 byte
          if (r == 9) {
            mutant = splice(mutant, at, 1, new byte[0]);
          } else if (r == 8) {
            mutant = splice(mutant, at, 0, new byte[] {b});
          } else {
            mutant[at] = b;
          }
        }
        assertThat(outcome(mutant, type))
            .as("mutant %d", i)
            .isEqualTo(wholeTreeOutcome(mutant, type));
      }
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** What the decoder does now: a value's fields, or the failure's type and message. */
  private static Object outcome(Object body, Type type) {
    Response response =
        body instanceof String s ? response(s) : FuzzInputs.response(201, Map.of(), (byte[]) body);
    try {
      Object value =
          type == Meeting.class ? MEETINGS.decode(response, type) : EVENTS.decode(response, type);
      return fields(value);
    } catch (TeamsException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /** What the decoders did before: {@code Http.readJsonObject} with a whole-tree parse. */
  private static Object wholeTreeOutcome(Object body, Type type) {
    Response response =
        body instanceof String s ? response(s) : FuzzInputs.response(201, Map.of(), (byte[]) body);
    BiFunction<Response, String, TeamsServiceException> invalid =
        (r, what) ->
            io.teamsmeet.spi.Failures.service(
                (type == Meeting.class ? "the meeting" : "the event")
                    + " returned by Microsoft Graph "
                    + what,
                Http.details(r).build(),
                false,
                null);
    try {
      JsonNode json = Http.readJsonObject(response, MeetingDecoder.SERVICE, invalid);
      return fields(
          type == Meeting.class
              ? MeetingDecoder.meeting(response, json)
              : EventDecoder.event(response, json));
    } catch (TeamsException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static Object fields(Object value) {
    return value instanceof CalendarEvent event ? eventFields(event) : value;
  }

  private static List<Object> eventFields(CalendarEvent e) {
    return Arrays.asList(
        e.id(),
        e.joinUrl(),
        e.iCalUId(),
        e.webLink(),
        e.subject(),
        e.start(),
        e.end(),
        e.zone(),
        e.dialIn(),
        e.invitees(),
        e.recurrence(),
        e.transactionId(),
        e.isCancelled());
  }

  private static Meeting meetingFromWholeTree(String body) {
    try {
      return MeetingDecoder.meeting(response(body), Json.parse(bytes(body)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The whole tree's top-level fields whose names are in {@code fields}, ignoring case. */
  private static ObjectNode retained(JsonNode whole, Collection<String> fields) {
    ObjectNode out = TestJson.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = whole.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (fields.stream().anyMatch(f -> f.equalsIgnoreCase(e.getKey()))) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Response response(String body) {
    return FuzzInputs.response(201, Map.of(), bytes(body));
  }
}
