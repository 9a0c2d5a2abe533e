package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.AllowedPresenters;
import io.teamsmeet.Attendee;
import io.teamsmeet.LobbyBypass;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.MeetingUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request bodies' own streaming writers produce, byte for byte, the JSON that data binding of
 * the same records (their {@code JsonProperty} annotations, {@code NON_NULL}) produces.
 */
class GraphBodiesTest {

  private static final Instant START = Instant.parse("2026-04-01T14:30:00.123456789Z");

  /** Subjects that exercise escaping: quotes, backslashes, control characters, non-ASCII. */
  private static final List<String> SUBJECTS =
      List.of(
          "Design review",
          "\"quoted\" \\ back/slash </script>",
          "tab\tnew\nline\r\u0000\u001f\u007f",
          "Überprüfung 設計レビュー 🚀 \u2028\u2029",
          "  padded  ");

  @Test
  void createBodiesMatchDataBinding() throws Exception {
    for (MeetingRequest request : requests()) {
      GraphBodies.Create body = GraphBodies.Create.of(request);
      assertSameJson(body, Json.write(body));
    }
  }

  @Test
  void createOrGetBodiesMatchDataBinding() throws Exception {
    for (MeetingRequest request : requests()) {
      GraphBodies.CreateOrGet body =
          GraphBodies.CreateOrGet.of(request.withExternalId("ext-" + request.subject().length()));
      assertSameJson(body, Json.write(body));
    }
  }

  @Test
  void updateBodiesMatchDataBinding() throws Exception {
    List<MeetingUpdate> updates = new ArrayList<>();
    for (String subject : SUBJECTS) {
      updates.add(MeetingUpdate.builder().subject(subject).build());
    }
    updates.add(MeetingUpdate.builder().times(START, START.plusSeconds(1800)).build());
    updates.add(MeetingUpdate.builder().attendees(List.of()).build());
    updates.add(MeetingUpdate.builder().attendees(attendees()).build());
    for (LobbyBypass.Scope scope : LobbyBypass.Scope.values()) {
      updates.add(MeetingUpdate.builder().lobbyBypass(new LobbyBypass(scope, true)).build());
    }
    for (AllowedPresenters presenters : AllowedPresenters.values()) {
      updates.add(MeetingUpdate.builder().allowedPresenters(presenters).build());
    }
    updates.add(
        MeetingUpdate.builder()
            .subject("All of it")
            .times(START, START.plusSeconds(60))
            .attendees(attendees())
            .lobbyBypass(LobbyBypass.of(LobbyBypass.Scope.ORGANIZATION))
            .allowedPresenters(AllowedPresenters.ORGANIZER)
            .build());
    for (MeetingUpdate update : updates) {
      GraphBodies.Update body = GraphBodies.Update.of(update);
      assertSameJson(body, Json.write(body));
    }
  }

  @Test
  void theFirstMeetingsBodyIsTheExpectedJson() {
    byte[] json =
        Json.write(
            GraphBodies.Create.of(
                MeetingRequest.of(
                    "Quarterly review",
                    Instant.parse("2026-12-01T09:00:00Z"),
                    Duration.ofMinutes(30))));

    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"subject\":\"Quarterly review\",\"startDateTime\":\"2026-12-01T09:00:00Z\","
                + "\"endDateTime\":\"2026-12-01T09:30:00Z\","
                + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}");
  }

  private static void assertSameJson(Object body, byte[] streamed) throws Exception {
    byte[] bound = Json.MAPPER.writeValueAsBytes(body);
    assertThat(new String(streamed, StandardCharsets.UTF_8))
        .as(body.toString())
        .isEqualTo(new String(bound, StandardCharsets.UTF_8));
    assertThat(streamed).isEqualTo(bound);
  }

  private static List<Attendee> attendees() {
    List<Attendee> list = new ArrayList<>();
    for (Attendee.Role role : Attendee.Role.values()) {
      list.add(new Attendee("user-" + role + "@contoso.example", role));
    }
    list.add(Attendee.of("\"odd\"\\upn\u00e9@contoso.example"));
    return list;
  }

  private static List<MeetingRequest> requests() {
    List<MeetingRequest> requests = new ArrayList<>();
    for (String subject : SUBJECTS) {
      requests.add(MeetingRequest.of(subject, START, Duration.ofMinutes(30)));
    }
    for (LobbyBypass.Scope scope : LobbyBypass.Scope.values()) {
      for (AllowedPresenters presenters : AllowedPresenters.values()) {
        MeetingRequest.Builder b =
            MeetingRequest.builder()
                .subject("Lobby " + scope + " " + presenters)
                .start(START)
                .duration(Duration.ofHours(1))
                .lobbyBypass(new LobbyBypass(scope, scope.ordinal() % 2 == 0))
                .allowedPresenters(presenters)
                .passcodeRequired(presenters.ordinal() % 2 == 0);
        for (Attendee a : attendees()) {
          b.attendee(a);
        }
        requests.add(b.build());
      }
    }
    return requests;
  }
}
