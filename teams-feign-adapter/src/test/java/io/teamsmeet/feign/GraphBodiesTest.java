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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request bodies' own streaming writers produce, byte for byte, the JSON that data binding of
 * the same records (their {@code JsonProperty} annotations, {@code NON_NULL}) produces.
 */
class GraphBodiesTest {

  private static final Instant START = Instant.parse("2026-04-01T14:30:00.123456789Z");

  /** The values a request can carry: all but the read-only {@code UNKNOWN}. */
  private static final List<Attendee.Role> ROLES = sendable(Attendee.Role.values());

  private static final List<LobbyBypass.Scope> SCOPES = sendable(LobbyBypass.Scope.values());
  private static final List<AllowedPresenters> PRESENTERS = sendable(AllowedPresenters.values());

  private static <E extends Enum<E>> List<E> sendable(E[] values) {
    return Arrays.stream(values).filter(v -> !v.name().equals("UNKNOWN")).toList();
  }

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
    for (LobbyBypass.Scope scope : SCOPES) {
      updates.add(MeetingUpdate.builder().lobbyBypass(new LobbyBypass(scope, true)).build());
    }
    for (AllowedPresenters presenters : PRESENTERS) {
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

  @Test
  void aSubjectAloneSendsNoTimes() {
    MeetingRequest request = MeetingRequest.of("Quick sync");

    assertThat(new String(Json.write(GraphBodies.Create.of(request)), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"subject\":\"Quick sync\",\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}");
    assertThat(
            new String(
                Json.write(GraphBodies.CreateOrGet.of(request.withExternalId("k-1"))),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"externalId\":\"k-1\",\"subject\":\"Quick sync\"}");
  }

  @Test
  void everySendableValueHasAGraphNameThatReadsBackAsItself() {
    for (Attendee.Role role : ROLES) {
      assertThat(GraphNames.toRole(GraphNames.role(role))).isEqualTo(role);
    }
    for (LobbyBypass.Scope scope : SCOPES) {
      assertThat(GraphNames.toLobbyScope(GraphNames.lobbyScope(scope))).isEqualTo(scope);
    }
    for (AllowedPresenters presenters : PRESENTERS) {
      assertThat(GraphNames.toPresenters(GraphNames.presenters(presenters))).isEqualTo(presenters);
    }
    assertThat(GraphNames.toLobbyScope("ORGANIZATIONANDFEDERATED"))
        .isEqualTo(LobbyBypass.Scope.ORGANIZATION_AND_FEDERATED);
    assertThat(GraphNames.toRole("producer")).isEqualTo(Attendee.Role.UNKNOWN);
    assertThat(GraphNames.toRole(null)).isEqualTo(Attendee.Role.UNKNOWN);
    assertThat(GraphNames.toPresenters("unknownFutureValue")).isEqualTo(AllowedPresenters.UNKNOWN);
  }

  private static void assertSameJson(Object body, byte[] streamed) throws Exception {
    byte[] bound = TestJson.MAPPER.writeValueAsBytes(body);
    assertThat(new String(streamed, StandardCharsets.UTF_8))
        .as(body.toString())
        .isEqualTo(new String(bound, StandardCharsets.UTF_8));
    assertThat(streamed).isEqualTo(bound);
  }

  private static List<Attendee> attendees() {
    List<Attendee> list = new ArrayList<>();
    for (Attendee.Role role : ROLES) {
      list.add(new Attendee("user-" + role + "@contoso.example", role));
    }
    list.add(Attendee.of("\"odd\"\\upn\u00e9@contoso.example"));
    return list;
  }

  private static List<MeetingRequest> requests() {
    List<MeetingRequest> requests = new ArrayList<>();
    for (String subject : SUBJECTS) {
      requests.add(MeetingRequest.of(subject, START, Duration.ofMinutes(30)));
      requests.add(MeetingRequest.of(subject));
    }
    for (LobbyBypass.Scope scope : SCOPES) {
      for (AllowedPresenters presenters : PRESENTERS) {
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
