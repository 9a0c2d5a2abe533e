package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Response;
import io.teamsmeet.Meeting;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes what the adapter does with Graph's answers: {@link MeetingDecoder} on any body and on
 * structured onlineMeeting JSON (any id, join URL, times, subject, join id, passcode, dial-in,
 * external id), and {@link GraphErrorDecoder} on any error body with any {@code Retry-After} and
 * {@code WWW-Authenticate}. Property: a {@link Meeting} or a {@link TeamsException}; an error
 * decoder returns a {@link TeamsException} and never throws.
 *
 * <p>Seeds: {@code src/test/resources/io/teamsmeet/feign/MeetingDecoderFuzzTestInputs/}. To fuzz,
 * see SECURITY.md.
 */
class MeetingDecoderFuzzTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  private static final MeetingDecoder DECODER = new MeetingDecoder();
  private static final GraphErrorDecoder ERRORS = new GraphErrorDecoder(CLOCK);
  private static final int[] STATUSES = {400, 401, 403, 404, 409, 429, 500, 502, 503, 504};
  private static final String[] FIELDS = {
    "id", "joinWebUrl", "startDateTime", "endDateTime", "creationDateTime", "subject", "externalId"
  };

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] body) {
    check(FuzzInputs.response(201, Map.of(), body));
  }

  /**
   * Fields split at 0x00: id, joinWebUrl, startDateTime, endDateTime, creationDateTime, subject,
   * externalId, joinMeetingId, passcode, conferenceId, tollNumber.
   */
  @FuzzTest(maxDuration = "60s")
  void structured(byte[] data) {
    List<String> f = FuzzInputs.fields(data, 11);
    ObjectNode json = TestJson.MAPPER.createObjectNode();
    for (int i = 0; i < FIELDS.length; i++) {
      if (f.get(i) != null && !f.get(i).isEmpty()) {
        json.put(FIELDS[i], f.get(i));
      }
    }
    ObjectNode join = json.putObject("joinMeetingIdSettings");
    if (f.get(7) != null) {
      join.put("joinMeetingId", f.get(7));
    }
    if (f.get(8) != null) {
      join.put("passcode", f.get(8));
    }
    ObjectNode audio = json.putObject("audioConferencing");
    if (f.get(9) != null) {
      audio.put("ConferenceId", f.get(9));
    }
    if (f.get(10) != null) {
      audio.put("tollNumber", f.get(10));
      audio.putArray("tollNumbers").add(f.get(10));
    }
    check(FuzzInputs.response(201, Map.of(), json.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** First byte: the status; then body, Retry-After and WWW-Authenticate, split at 0x00. */
  @FuzzTest(maxDuration = "60s")
  void errorBody(byte[] data) {
    int status = data.length == 0 ? 400 : STATUSES[(data[0] & 0xFF) % STATUSES.length];
    List<String> f =
        FuzzInputs.fields(data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length), 3);
    Map<String, String> headers = new java.util.HashMap<>();
    if (f.get(1) != null) {
      headers.put("Retry-After", f.get(1));
    }
    if (f.get(2) != null) {
      headers.put("WWW-Authenticate", f.get(2));
    }
    Response response =
        FuzzInputs.response(
            status, headers, f.get(0) == null ? null : f.get(0).getBytes(StandardCharsets.UTF_8));
    Exception e = ERRORS.decode("GraphApi#create", response);
    if (!(e instanceof TeamsException)) {
      throw new AssertionError("not a TeamsException: " + e);
    }
    e.getMessage();
  }

  private static void check(Response response) {
    try {
      Meeting meeting = (Meeting) DECODER.decode(response, Meeting.class);
      if (!meeting.joinUrl().isAbsolute() || meeting.id().isBlank()) {
        throw new AssertionError("an invalid meeting was returned");
      }
      meeting.toString();
    } catch (TeamsServiceException expected) {
      // a typed refusal
    }
  }

  /**
   * Found while writing the structured target: a well-formed time whose UTC date is beyond year
   * 999999999 made the placeholder check ({@code atOffset(UTC).getYear()}) throw an unchecked
   * DateTimeException out of the decoder.
   */
  @Test
  void aTimeBeyondTheLastUtcDateDoesNotEscapeAsAnUncheckedException() {
    String json =
        "{\"id\":\"m1\",\"joinWebUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
            + "\"startDateTime\":\"+999999999-12-31T23:59:59-18:00\"}";
    Meeting meeting =
        (Meeting)
            DECODER.decode(
                FuzzInputs.response(201, Map.of(), json.getBytes(StandardCharsets.UTF_8)),
                Meeting.class);
    assertThat(meeting.start()).contains(Instant.parse("+1000000000-01-01T17:59:59Z"));
  }

  /**
   * Found while writing the error-body target: Retry-After "1e-99999999" made {@link
   * Http#parseRetryAfter} spend about 80 s of CPU in BigDecimal.setScale (1e-9999999: 4 s). RFC
   * 9110 delay-seconds are plain digits; the SDK also accepts a decimal fraction (2.128), never an
   * exponent.
   */
  @Test
  void aRetryAfterInExponentNotationIsIgnoredBecauseItCanCostMinutesOfCpu() {
    assertThat(Http.parseRetryAfter("1e-5", CLOCK)).isNull();
    assertThat(Http.parseRetryAfter("1E+2", CLOCK)).isNull();
    assertThat(Http.parseRetryAfter("2.128", CLOCK)).isEqualTo(java.time.Duration.ofMillis(2128));
    assertThat(Http.parseRetryAfter("120", CLOCK)).isEqualTo(java.time.Duration.ofSeconds(120));
    assertThat(Http.parseRetryAfter(".5", CLOCK)).isEqualTo(java.time.Duration.ofMillis(500));
  }
}
