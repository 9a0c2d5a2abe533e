package io.teamsmeet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample's flow over plain HTTP, on every machine (the browser test needs Chromium): the same
 * form login, connect, the fake's consent form, the callback, a meeting and a disconnect, each
 * request sent as a browser would, with its cookies and CSRF tokens.
 */
class SampleHttpFlowTest {

  private ConfigurableApplicationContext app;
  private String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    app =
        new SpringApplicationBuilder(SampleApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    base = "http://localhost:" + port;
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void signInConnectCreateAMeetingAndDisconnect() throws Exception {
    String login = get(base + "/login").body();
    HttpResponse<String> signedIn =
        post(
            base + "/login",
            Map.of("username", "ana", "password", "password", "_csrf", csrf(login)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(get(base + "/").body()).contains("No Microsoft account connected");

    // the starter's connect endpoint sends the browser to the fake's consent page
    HttpResponse<String> connect = get(base + "/teams/connect");
    assertThat(connect.statusCode()).isEqualTo(302);
    URI authorize = URI.create(location(connect));
    String consent = get(authorize.toString()).body();
    assertThat(consent).contains("Permissions requested");
    URI action =
        authorize.resolve(unescape(find(consent, "<form id=\"consent\"[^>]*action=\"([^\"]+)\"")));
    HttpResponse<String> accepted =
        post(
            action.toString(),
            Map.of(
                "ctx", unescape(find(consent, "name=\"ctx\" value=\"([^\"]+)\"")),
                "account", "ana@contoso.com",
                "decision", "accept"));

    // back to the starter's callback, then home
    String callback = location(accepted);
    assertThat(callback).startsWith(base + "/teams/callback?");
    HttpResponse<String> done = get(callback);
    assertThat(location(done)).isEqualTo("/");
    String home = get(base + "/").body();
    assertThat(home).contains("Connected: <b>ana@contoso.com</b>");

    HttpResponse<String> created =
        post(base + "/meetings", Map.of("subject", "HTTP review", "_csrf", csrf(home)));
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(find(created.body(), "id=\"join-url\" href=\"([^\"]+)\""))
        .startsWith("https://teams.microsoft.com/");

    HttpResponse<String> disconnected =
        post(base + "/disconnect", Map.of("_csrf", csrf(get(base + "/").body())));
    assertThat(disconnected.statusCode()).isEqualTo(302);
    assertThat(get(base + "/").body()).contains("No Microsoft account connected");
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        new LinkedHashMap<>(form)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static String csrf(String html) {
    return find(html, "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as("%s in %s", regex, html).isTrue();
    return m.group(1);
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
  }
}
