package io.teamsmeet.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;

/**
 * A client of the fake speaking the wire protocol by hand with {@code java.net.http}, as a real
 * application (or the Feign adapter) would.
 */
final class Client {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCOPES = "OnlineMeetings.ReadWrite offline_access openid profile";
  private static final SecureRandom RANDOM = new SecureRandom();

  final FakeMicrosoft fake;
  final HttpClient http;
  String tenant = "organizations";
  String clientId = FakeMicrosoft.DEFAULT_CLIENT_ID;
  String clientSecret;
  String redirectUri = "http://localhost:8400/callback";

  Client(FakeMicrosoft fake) {
    this(fake, null);
  }

  Client(FakeMicrosoft fake, SSLContext ssl) {
    this.fake = fake;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5));
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    this.http = builder.build();
  }

  Client app(String id, String uri, String secret) {
    this.clientId = id;
    this.redirectUri = uri;
    this.clientSecret = secret;
    return this;
  }

  // ------------------------------------------------------------------ PKCE

  static String newVerifier() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ authorize

  Map<String, String> authorizeParams(String verifier, String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", clientId);
    params.put("response_type", "code");
    params.put("redirect_uri", redirectUri);
    params.put("response_mode", "query");
    params.put("scope", SCOPES);
    params.put("state", state);
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    return params;
  }

  URI authorizeUri(Map<String, String> params) {
    return URI.create(
        fake.identityBaseUri() + "/" + tenant + "/oauth2/v2.0/authorize?" + form(params));
  }

  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  /** Authorizes and returns the query of the redirect (asserting it was a 302 to redirectUri). */
  Map<String, String> authorize(Map<String, String> params) {
    HttpResponse<String> response = get(authorizeUri(params));
    if (response.statusCode() != 302) {
      throw new AssertionError(
          "expected a 302, got " + response.statusCode() + ": " + response.body());
    }
    return redirectQuery(response);
  }

  Map<String, String> redirectQuery(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    if (!location.startsWith(redirectUri + "?")) {
      throw new AssertionError("redirected to " + location);
    }
    return parse(URI.create(location).getRawQuery());
  }

  /** A code for the default flow. */
  String code(String verifier) {
    return authorize(authorizeParams(verifier, "state-1")).get("code");
  }

  // ------------------------------------------------------------------ token

  HttpResponse<String> token(Map<String, String> form) {
    return token(form, Map.of());
  }

  HttpResponse<String> token(Map<String, String> form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(fake.identityBaseUri() + "/" + tenant + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    headers.forEach(request::header);
    return send(request.build());
  }

  Map<String, String> codeForm(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    form.put("scope", SCOPES);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
    return form;
  }

  Map<String, String> refreshForm(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("scope", SCOPES);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
    return form;
  }

  /** Authorize + redeem: the token response JSON. */
  JsonNode signIn() {
    String verifier = newVerifier();
    HttpResponse<String> response = token(codeForm(code(verifier), verifier));
    if (response.statusCode() != 200) {
      throw new AssertionError("token: " + response.statusCode() + " " + response.body());
    }
    return json(response);
  }

  // ------------------------------------------------------------------ Graph

  URI graph(String path) {
    return URI.create(fake.graphBaseUri() + "/v1.0" + path);
  }

  static String meetingPath(String id) {
    return "/me/onlineMeetings/" + URLEncoder.encode(id, UTF_8).replace("+", "%20");
  }

  HttpResponse<String> graph(String method, String path, String token, String body) {
    return graph(method, path, token, body, Map.of());
  }

  HttpResponse<String> graph(
      String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(graph(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  HttpResponse<String> create(String token, String body) {
    return graph("POST", "/me/onlineMeetings", token, body);
  }

  static String meetingBody(String subject) {
    return "{\"subject\":\""
        + subject
        + "\",\"startDateTime\":\"2030-01-15T10:00:00.1234567+01:00\","
        + "\"endDateTime\":\"2030-01-15T10:30:00Z\"}";
  }

  // ------------------------------------------------------------------ plumbing

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static String form(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (k, v) -> joined.add(URLEncoder.encode(k, UTF_8) + "=" + URLEncoder.encode(v, UTF_8)));
    return joined.toString();
  }

  static Map<String, String> parse(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    if (rawQuery == null) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      result.put(
          URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return result;
  }
}
