package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorize endpoint: validation, the scenario controls, response modes, the consent page. */
class AuthorizeTest {

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza"))
              .account(FakeAccount.of("bob@contoso.com", "Bob <Kelly> & \"Co\"")));

  static final Pattern DESCRIPTION =
      Pattern.compile(
          "AADSTS(\\d+): (.+)\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\n"
              + "Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ",
          Pattern.DOTALL);

  Client client(FakeMicrosoft fake) {
    return new Client(fake);
  }

  Map<String, String> params(Client client) {
    return client.authorizeParams(Client.newVerifier(), "xyz");
  }

  @Test
  void aDeclinedConsentRedirectsWithAccessDeniedAndAadsts65004(FakeMicrosoft fake) {
    Client client = client(fake);
    fake.nextSignInDeclines();
    Map<String, String> callback = client.authorize(params(client));
    assertThat(callback).containsOnlyKeys("error", "error_description", "error_uri", "state");
    assertThat(callback.get("error")).isEqualTo("access_denied");
    assertThat(callback.get("state")).isEqualTo("xyz");
    assertThat(callback.get("error_uri"))
        .isEqualTo("https://login.microsoftonline.com/error?code=65004");
    Matcher description = DESCRIPTION.matcher(callback.get("error_description"));
    assertThat(description.matches()).as(callback.get("error_description")).isTrue();
    assertThat(description.group(1)).isEqualTo("65004");
    assertThat(description.group(2)).isEqualTo("User declined to consent to access the app.");

    // one-shot: the next sign-in works
    assertThat(client.authorize(params(client))).containsKey("code");
  }

  @Test
  void adminConsentRequiredRedirectsWithConsentRequiredAndAadsts90094(FakeMicrosoft fake) {
    Client client = client(fake);
    fake.nextSignInNeedsAdminConsent();
    Map<String, String> callback = client.authorize(params(client));
    assertThat(callback.get("error")).isEqualTo("consent_required");
    assertThat(callback.get("error_description")).startsWith("AADSTS90094: ");
  }

  @Test
  void nextSignInChoosesTheAccountThenLoginHintThenTheFirstAccount(FakeMicrosoft fake) {
    Client client = client(fake);
    fake.nextSignIn("BOB@contoso.com").nextSignIn("ana@contoso.com");
    assertThat(signedIn(client, null)).isEqualTo("bob@contoso.com");
    assertThat(signedIn(client, null)).isEqualTo("ana@contoso.com");
    assertThat(signedIn(client, "bob@contoso.com")).isEqualTo("bob@contoso.com");
    assertThat(signedIn(client, "nobody@contoso.com")).isEqualTo("ana@contoso.com");
    assertThat(signedIn(client, null)).isEqualTo("ana@contoso.com");
  }

  private static String signedIn(Client client, String loginHint) {
    String verifier = Client.newVerifier();
    Map<String, String> params = client.authorizeParams(verifier, "s");
    if (loginHint != null) {
      params.put("login_hint", loginHint);
    }
    String code = client.authorize(params).get("code");
    JsonNode tokens = Client.json(client.token(client.codeForm(code, verifier)));
    String payload = tokens.get("id_token").asText().split("\\.")[1];
    try {
      return Client.JSON
          .readTree(Base64.getUrlDecoder().decode(payload))
          .get("preferred_username")
          .asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anUnknownClientOrRedirectGetsAnErrorPageAndNoRedirect(FakeMicrosoft fake) {
    Client client = client(fake);
    Map<String, String> unknownClient = params(client);
    unknownClient.put("client_id", "nobody");
    HttpResponse<String> page = client.get(client.authorizeUri(unknownClient));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body())
        .contains("AADSTS700016: Application with identifier &#39;nobody&#39; was not found");

    Map<String, String> badRedirect = params(client);
    badRedirect.put("redirect_uri", "https://evil.example/callback");
    page = client.get(client.authorizeUri(badRedirect));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("AADSTS50011");
    assertThat(page.headers().firstValue("Location")).isEmpty();

    Map<String, String> noClient = params(client);
    noClient.remove("client_id");
    assertThat(client.get(client.authorizeUri(noClient)).body()).contains("AADSTS900144");
  }

  @Test
  void badParametersRedirectWithTheMatchingError(FakeMicrosoft fake) {
    Client client = client(fake);
    assertThat(errorFor(client, "response_type", "token"))
        .containsEntry("error", "unsupported_response_type");
    assertThat(errorFor(client, "response_type", null).get("error_description"))
        .startsWith("AADSTS900144: ")
        .contains("'response_type'");
    assertThat(errorFor(client, "scope", null).get("error_description")).contains("'scope'");
    assertThat(errorFor(client, "code_challenge", null))
        .containsEntry("error", "invalid_request")
        .hasEntrySatisfying("error_description", d -> assertThat(d).startsWith("AADSTS9002325: "));
    assertThat(errorFor(client, "code_challenge_method", "plain").get("error_description"))
        .startsWith("AADSTS9002325: ");
    assertThat(errorFor(client, "code_challenge_method", null).get("error_description"))
        .startsWith("AADSTS9002325: ");
    assertThat(errorFor(client, "code_challenge", "too-short").get("error_description"))
        .startsWith("AADSTS501491: ");
    assertThat(fake.journal().tokenRequests()).isEmpty();
  }

  private static Map<String, String> errorFor(Client client, String parameter, String value) {
    Map<String, String> params = client.authorizeParams(Client.newVerifier(), "st");
    if (value == null) {
      params.remove(parameter);
    } else {
      params.put(parameter, value);
    }
    Map<String, String> callback = client.authorize(params);
    assertThat(callback)
        .containsKeys("error", "error_description", "error_uri")
        .containsEntry("state", "st");
    return callback;
  }

  @Test
  void withoutStateNoStateComesBack(FakeMicrosoft fake) {
    Client client = client(fake);
    Map<String, String> params = params(client);
    params.remove("state");
    assertThat(client.authorize(params)).containsOnlyKeys("code", "session_state");
  }

  @Test
  void aRedirectUriWithAQueryGetsTheParametersAppended(FakeMicrosoft fake) {
    fake.registerApp("with-query", URI.create("https://app.example/cb?tenant=a"));
    Client client = client(fake).app("with-query", "https://app.example/cb?tenant=a", null);
    HttpResponse<String> response = client.get(client.authorizeUri(params(client)));
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith("https://app.example/cb?tenant=a&code=");
  }

  @Test
  void fragmentAndFormPostResponseModes(FakeMicrosoft fake) {
    Client client = client(fake);
    Map<String, String> params = params(client);
    params.put("response_mode", "fragment");
    String location =
        client.get(client.authorizeUri(params)).headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(client.redirectUri + "#code=");

    params = params(client);
    params.put("response_mode", "form_post");
    HttpResponse<String> page = client.get(client.authorizeUri(params));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<form method=\"POST\" name=\"hiddenform\" action=\"" + client.redirectUri + "\">")
        .contains("name=\"code\" value=\"1.AXoA")
        .contains("name=\"state\" value=\"xyz\"");
  }

  @Test
  void promptNoneNeedsAnEarlierConsent(FakeMicrosoft fake) {
    Client client = client(fake);
    Map<String, String> params = params(client);
    params.put("prompt", "none");
    Map<String, String> first = client.authorize(params);
    assertThat(first.get("error")).isEqualTo("consent_required");
    assertThat(first.get("error_description")).startsWith("AADSTS65001: ");

    client.signIn();
    assertThat(client.authorize(params)).containsKey("code");
  }

  @Test
  void theConsentPageIsARealFormThatAcceptsWithTheChosenAccount(FakeMicrosoft fake) {
    fake.consentPage(true);
    Client client = client(fake);
    String verifier = Client.newVerifier();
    Map<String, String> params = client.authorizeParams(verifier, "page-state");
    params.put("login_hint", "bob@contoso.com");
    HttpResponse<String> page = client.get(client.authorizeUri(params));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    String html = page.body();
    assertThat(html)
        .contains("<button id=\"accept\" type=\"submit\" name=\"decision\" value=\"accept\">")
        .contains("<button id=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">")
        .contains(
            "<option value=\"bob@contoso.com\" selected>Bob &lt;Kelly&gt; &amp; &quot;Co&quot;")
        .contains("<li>OnlineMeetings.ReadWrite</li>");

    // what a browser does on "Accept": post the form's fields to the form's action
    Map<String, String> form = new LinkedHashMap<>();
    form.put("ctx", attribute(html, "name=\"ctx\" value=\"([^\"]+)\""));
    form.put("account", "ana@contoso.com");
    form.put("decision", "accept");
    HttpResponse<String> redirect =
        post(
            client,
            attribute(html, "<form id=\"consent\" method=\"POST\" action=\"([^\"]+)\""),
            form);
    assertThat(redirect.statusCode()).isEqualTo(302);
    Map<String, String> callback = client.redirectQuery(redirect);
    assertThat(callback).containsKeys("code", "session_state").containsEntry("state", "page-state");

    JsonNode tokens = Client.json(client.token(client.codeForm(callback.get("code"), verifier)));
    assertThat(tokens.has("access_token")).isTrue();
    assertThat(
            client
                .create(tokens.get("access_token").asText(), Client.meetingBody("x"))
                .statusCode())
        .isEqualTo(201);
    assertThat(fake.meetings()).containsOnlyKeys("ana@contoso.com");

    // the page's context is single use
    HttpResponse<String> replay = post(client, attribute(html, "action=\"([^\"]+)\""), form);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("AADSTS9002313");
  }

  @Test
  void cancelOnTheConsentPageRedirectsWithAccessDenied(FakeMicrosoft fake) {
    fake.consentPage(true);
    Client client = client(fake);
    String html = client.get(client.authorizeUri(params(client))).body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("ctx", attribute(html, "name=\"ctx\" value=\"([^\"]+)\""));
    form.put("decision", "cancel");
    HttpResponse<String> redirect = post(client, attribute(html, "action=\"([^\"]+)\""), form);
    Map<String, String> callback = client.redirectQuery(redirect);
    assertThat(callback.get("error")).isEqualTo("access_denied");
    assertThat(callback.get("error_description")).startsWith("AADSTS65004: ");
    assertThat(callback.get("state")).isEqualTo("xyz");
    assertThat(fake.journal().authorizeRequests()).hasSize(2);
  }

  @Test
  void theConsentPageIsOffAfterReset(FakeMicrosoft fake) {
    fake.consentPage(true);
    fake.reset();
    Client client = client(fake);
    assertThat(client.get(client.authorizeUri(params(client))).statusCode()).isEqualTo(302);
  }

  private static String attribute(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  private static HttpResponse<String> post(Client client, String action, Map<String, String> form) {
    URI base = client.fake.identityBaseUri();
    URI target = base.resolve(action);
    return client.send(
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Client.form(form)))
            .build());
  }
}
