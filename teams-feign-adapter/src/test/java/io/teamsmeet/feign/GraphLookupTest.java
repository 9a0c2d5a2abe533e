package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.Meeting;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.testkit.FakeClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The two lookups on the wire: Graph's {@code $filter} (its name sent as {@code %24filter}, as
 * Feign encodes it and as Microsoft's own Kiota-generated SDKs send it) percent-encoded exactly
 * once as a query value (the join URL's own escapes sent as {@code %25xx}, a space as {@code %20},
 * never {@code +}), and Graph's collection answer read back: one meeting, none, or a malformed
 * body.
 */
@OnEachTransport
class GraphLookupTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Parameter TestTransport transport;

  private static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);
  private static final String BASE = "/graph/v1.0/me/onlineMeetings";

  /** The joinWebUrl of {@link Fixture#CREATED_MEETING}, Graph's own example. */
  private static final String JOIN_WEB_URL =
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz%40thread.skype/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22550fae72-d251-43ec-868c-373732c2704f%22%7d";

  private static final String CREATED_ID =
      "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyNzJiOWJfX3RocmVhZC52MjpmMDUxMDA1@thread.v2";

  private GraphMeetingPort graph;

  @BeforeEach
  void setUp() {
    answer("{\"value\":[" + Fixture.CREATED_MEETING + "]}");
    graph =
        FeignMicrosoftAdapter.wire(
                Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW), transport)
                    .microsoftSettings())
            .meetings();
  }

  private static void answer(String body) {
    wm.stubFor(any(anyUrl()).willReturn(Fixture.json(200, body)));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void aJoinMeetingIdIsSentAsGraphsFilterOnJoinMeetingIdSettings() {
    Optional<Meeting> found = graph.findByJoinMeetingId(TOKEN, "123456789012", Fixture.deadline());

    assertThat(onlyRequest().getUrl())
        .isEqualTo(
            BASE + "?%24filter=joinMeetingIdSettings%2FjoinMeetingId%20eq%20%27123456789012%27");
    wm.verify(
        getRequestedFor(anyUrl())
            .withHeader("Authorization", equalTo("Bearer " + Fixture.ACCESS_TOKEN))
            .withQueryParam(
                "$filter", equalTo("joinMeetingIdSettings/joinMeetingId eq '123456789012'")));
    assertThat(found).map(Meeting::id).contains(CREATED_ID);
  }

  @Test
  void aJoinUrlIsSentVerbatimInsideAFilterThatIsPercentEncodedOnce() {
    Optional<Meeting> found = graph.findByJoinWebUrl(TOKEN, JOIN_WEB_URL, Fixture.deadline());

    String url = onlyRequest().getUrl();
    String rawFilter = url.substring((BASE + "?%24filter=").length());
    assertThat(url).startsWith(BASE + "?%24filter=JoinWebUrl%20eq%20%27https%3A%2F%2Fteams.");
    // the URL's own escapes travel escaped: Graph decodes the query once and gets them back
    assertThat(rawFilter)
        .contains("19%253ameeting_")
        .contains("%2540thread.skype")
        .contains("%257b%2522Tid%2522%253a")
        .matches("[A-Za-z0-9._~-]*(%[0-9A-F]{2}[A-Za-z0-9._~-]*)*");
    assertThat(percentDecode(rawFilter)).isEqualTo("JoinWebUrl eq '" + JOIN_WEB_URL + "'");
    assertThat(found).map(Meeting::joinUrl).map(Object::toString).contains(JOIN_WEB_URL);
  }

  @Test
  void quotesAreDoubledAndPlusSpaceAndHashCannotChangeTheQuery() {
    String odd = "https://teams.microsoft.com/l/meetup-join/a'b+c d#e&$top=1";

    graph.findByJoinWebUrl(TOKEN, odd, Fixture.deadline());

    String rawFilter = onlyRequest().getUrl().substring((BASE + "?%24filter=").length());
    assertThat(rawFilter).doesNotContain("+", "&", "#", " ", "'");
    assertThat(percentDecode(rawFilter))
        .isEqualTo("JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/a''b+c d#e&$top=1'");
  }

  @Test
  void anEmptyCollectionIsNoMeeting() {
    answer(
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('x')/onlineMeetings\","
            + "\"value\":[]}");

    assertThat(graph.findByJoinMeetingId(TOKEN, "1", Fixture.deadline())).isEmpty();
    assertThat(graph.findByJoinWebUrl(TOKEN, JOIN_WEB_URL, Fixture.deadline())).isEmpty();
  }

  @Test
  void aCollectionOfSeveralGivesTheFirst() {
    answer(
        "{\"value\":["
            + Fixture.CREATED_MEETING
            + ",{\"id\":\"second\",\"joinWebUrl\":\"https://teams.microsoft.com/l/x\"}]}");

    assertThat(graph.findByJoinMeetingId(TOKEN, "1", Fixture.deadline()))
        .map(Meeting::id)
        .contains(CREATED_ID);
  }

  @Test
  void aBodyThatIsNotACollectionIsAClearNonRetryableFailure() {
    for (String body :
        new String[] {
          Fixture.CREATED_MEETING, // one meeting where a collection was asked for
          "{\"value\":{}}",
          "{\"value\":[1]}",
          "{\"value\":[{\"id\":\"no-join-url\"}]}",
        }) {
      answer(body);

      assertThatThrownBy(() -> graph.findByJoinMeetingId(TOKEN, "1", Fixture.deadline()))
          .as(body)
          .isInstanceOfSatisfying(
              TeamsServiceException.class,
              e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.status()).isEqualTo(200);
              })
          .hasMessageContaining("returned by Microsoft Graph");
    }
  }

  @Test
  void graphErrorsAreClassifiedAsForEveryOtherCall() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                Fixture.json(
                    401,
                    "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"expired\"}}")));

    assertThatThrownBy(() -> graph.findByJoinMeetingId(TOKEN, "1", Fixture.deadline()))
        .isInstanceOfSatisfying(
            TeamsServiceException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  /** RFC 3986 percent-decoding, once; unlike form decoding, {@code +} stays {@code +}. */
  private static String percentDecode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
