package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.teamsmeet.AccessToken;
import io.teamsmeet.EventRequest;
import io.teamsmeet.EventUpdate;
import io.teamsmeet.GraphUser;
import io.teamsmeet.spi.EventPort;
import io.teamsmeet.testkit.FakeClock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter's side of application mode for calendar events: {@code /users/{id or
 * upn}/events[...]} and {@code /users/{id or upn}/calendar}, with the same headers and bodies as
 * {@code /me}.
 */
class ApplicationEventWireTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final AccessToken TOKEN = new AccessToken(Fixture.ACCESS_TOKEN);
  static final String EVENT_ID = "AAMkAGI2TG93AAA=/id+with/slash";
  static final String EVENT_ID_ENCODED = "AAMkAGI2TG93AAA%3D%2Fid%2Bwith%2Fslash";
  static final String ANA = "/graph/v1.0/users/ana%40contoso.com";

  private final GraphEventPort events =
      FeignMicrosoftAdapter.wire(
              Fixture.builder(wm, FakeClock.startingAt(Fixture.NOW)).microsoftSettings())
          .events();

  @Test
  void everyCallAddressesTheUserByEncodedIdOrUpn() {
    wm.stubFor(
        any(urlPathMatching("/graph/v1.0/users/.*"))
            .willReturn(Fixture.json(200, EventWireTest.EVENT_UTC)));
    wm.stubFor(
        get(urlPathMatching("/graph/v1.0/users/[^/]+/calendar"))
            .willReturn(
                Fixture.json(200, "{\"allowedOnlineMeetingProviders\":[\"teamsForBusiness\"]}")));
    EventPort ana = events.forUser(GraphUser.upn("ana@contoso.com"));
    EventPort bob = events.forUser(GraphUser.id("5D0A1C2E-7B3F-4E9A-8C1D-2F6E4A9B0C3D"));
    ZonedDateTime start = ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    assertThat(bob.allowedOnlineMeetingProviders(TOKEN, Fixture.deadline()))
        .containsExactly("teamsForBusiness");
    ana.create(
        TOKEN,
        EventRequest.builder("Consultation", start, Duration.ofMinutes(30)).build(),
        "tx-1",
        Fixture.deadline());
    ana.get(TOKEN, EVENT_ID, Fixture.deadline());
    ana.update(TOKEN, EVENT_ID, EventUpdate.builder().subject("Moved").build(), Fixture.deadline());
    ana.cancel(TOKEN, EVENT_ID, "Sorry", Fixture.deadline());
    ana.delete(TOKEN, EVENT_ID, Fixture.deadline());

    List<LoggedRequest> r = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(r)
        .extracting(q -> q.getMethod().getName() + " " + q.getUrl())
        .containsExactly(
            "GET /graph/v1.0/users/5d0a1c2e-7b3f-4e9a-8c1d-2f6e4a9b0c3d/calendar"
                + "?%24select=allowedOnlineMeetingProviders",
            "POST " + ANA + "/events",
            "GET " + ANA + "/events/" + EVENT_ID_ENCODED,
            "PATCH " + ANA + "/events/" + EVENT_ID_ENCODED,
            "POST " + ANA + "/events/" + EVENT_ID_ENCODED + "/cancel",
            "DELETE " + ANA + "/events/" + EVENT_ID_ENCODED);
    assertThat(r.get(1).getHeader("Prefer")).contains("outlook.timezone=\"UTC\"");
    assertThat(r.get(1).getBodyAsString()).contains("\"transactionId\":\"tx-1\"");
    assertThat(r.get(2).getHeader("Prefer")).contains("outlook.timezone=\"UTC\"");
    assertThat(r.get(1).getHeader("Authorization")).isEqualTo("Bearer " + Fixture.ACCESS_TOKEN);
    assertThat(ana.forUser(GraphUser.upn("bob@contoso.com")).toString())
        .contains("bob@contoso.com");
  }

  @Test
  void aPortWithoutTheUserApiRefusesApplicationMode() {
    assertThatThrownBy(() -> new GraphEventPort(null).forUser(GraphUser.upn("ana@contoso.com")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> events.forUser(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
