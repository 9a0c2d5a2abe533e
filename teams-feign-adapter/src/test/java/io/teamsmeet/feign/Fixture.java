package io.teamsmeet.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.testkit.FakeClock;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Shared values and factories for this module's tests. */
final class Fixture {

  static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
  static final String CLIENT_SECRET = "Xy8Q~s3cr+t/Value=With&Specials%";
  static final URI REDIRECT_URI = URI.create("https://app.example/ms/callback");
  static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String CODE = "0.AXoAv4j5cvGGr0GRqy180BHbR-code+with/odd=chars";
  static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";
  static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token-one.sig";
  static final String ACCESS_TOKEN_2 = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token-two.sig";
  static final String REFRESH_TOKEN = "0.AXoA-refresh-token-one-M2IzYzczNTItYmY3";
  static final String REFRESH_TOKEN_2 = "0.AXoA-refresh-token-two-NDRiZjRiMmUtODI5";
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  /** Every secret value the tests send or receive; none may appear in a message or a log line. */
  static final List<String> SECRETS =
      List.of(
          CLIENT_SECRET,
          CODE,
          VERIFIER,
          ACCESS_TOKEN,
          ACCESS_TOKEN_2,
          REFRESH_TOKEN,
          REFRESH_TOKEN_2);

  private Fixture() {}

  /**
   * A builder pointed at the WireMock server: identity under /login, Graph under /graph; on the
   * default transport.
   */
  static TeamsMeetings.Builder builder(WireMockExtension wm, FakeClock clock) {
    return builder(wm, clock, TestTransport.JDK);
  }

  /** A builder pointed at the WireMock server, sending with a client the SDK builds. */
  static TeamsMeetings.Builder builder(
      WireMockExtension wm, FakeClock clock, TestTransport transport) {
    return TeamsMeetings.builder()
        .transport(transport.sdkBuilt())
        .clientId(CLIENT_ID)
        .redirectUri(REDIRECT_URI)
        .identityEndpoint(URI.create(wm.baseUrl() + "/login"))
        .graphEndpoint(URI.create(wm.baseUrl() + "/graph"))
        .clock(clock)
        .requestTimeout(Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(2))
        .tokenStore(new InMemoryTokenStore())
        .tokenKeys(keyset());
  }

  /** A generous deadline for calling a port directly. */
  static io.teamsmeet.spi.Deadline deadline() {
    return io.teamsmeet.spi.Deadline.after(java.time.Duration.ofSeconds(30));
  }

  static KeysetHandle keyset() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String TOKEN_PATH = "/login/organizations/oauth2/v2.0/token";

  static AuthorizationRequest authorizationRequest(List<String> scopes) {
    return new AuthorizationRequest(
        "sealed-state+/=",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        scopes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A token endpoint answer like Microsoft's. */
  static ObjectNode tokenJson(String accessToken, String refreshToken) {
    ObjectNode json = TestJson.MAPPER.createObjectNode();
    json.put("token_type", "Bearer")
        .put("scope", "OnlineMeetings.ReadWrite openid profile email")
        .put("expires_in", 4518)
        .put("ext_expires_in", 4518)
        .put("access_token", accessToken);
    if (refreshToken != null) {
      json.put("refresh_token", refreshToken);
    }
    json.put("id_token", idToken());
    return json;
  }

  /**
   * An id token with the four claims the SDK reads; its signature is not checked, so any will do.
   */
  static String idToken() {
    ObjectNode header =
        TestJson.MAPPER.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", "k1");
    ObjectNode claims =
        TestJson.MAPPER
            .createObjectNode()
            .put("aud", CLIENT_ID)
            .put("iss", "https://login.microsoftonline.com/" + TENANT_ID + "/v2.0")
            .put("tid", TENANT_ID)
            .put("oid", "550fae72-d251-43ec-868c-373732c2704f")
            .put("preferred_username", "heidi@contoso.com")
            .put("name", "Heidi Steen");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(TestJson.write(header))
        + "."
        + b64.encodeToString(TestJson.write(claims))
        + ".c2lnbmF0dXJl";
  }

  static ResponseDefinitionBuilder json(int status, Object body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(
            body instanceof String s
                ? s
                : new String(TestJson.write(body), StandardCharsets.UTF_8));
  }

  /** The body of the onlineMeeting in Graph's "Create onlineMeeting" example 3 (passcode). */
  static final String CREATED_MEETING =
      """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('f4053f86-17cc-42e7-85f4-f0389ac980d6')/onlineMeetings/$entity",
        "audioConferencing": {
          "tollNumber": "+12525634478",
          "tollFreeNumber": "+18666390588",
          "ConferenceId": "24229990",
          "dialinUrl": "https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=24229990"
        },
        "chatInfo": {
          "threadId": "19:meeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz@thread.skype",
          "messageId": "0",
          "replyChainMessageId": null
        },
        "creationDateTime": "2019-07-11T02:17:17.6491364Z",
        "startDateTime": "2019-07-11T02:17:17.6491364Z",
        "endDateTime": "2019-07-11T02:47:17.651138Z",
        "id": "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyNzJiOWJfX3RocmVhZC52MjpmMDUxMDA1@thread.v2",
        "joinWebUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz%40thread.skype/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22550fae72-d251-43ec-868c-373732c2704f%22%7d",
        "participants": {
          "organizer": {
            "identity": {
              "user": {
                "id": "550fae72-d251-43ec-868c-373732c2704f",
                "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "displayName": "Heidi Steen"
              }
            },
            "role": "presenter",
            "upn": "heidi@contoso.com"
          }
        },
        "subject": "User meeting",
        "joinMeetingIdSettings": {
          "isPasscodeRequired": true,
          "joinMeetingId": "1234567890",
          "passcode": "123abc"
        }
      }
      """;
}
