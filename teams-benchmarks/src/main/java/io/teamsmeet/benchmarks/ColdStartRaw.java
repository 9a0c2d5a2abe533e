package io.teamsmeet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Cold start of the raw floor, run in a fresh JVM by {@link ColdStart}: one POST with a prebuilt
 * body and a static bearer token, Jackson reading three fields. Args: fake base URL, bearer token.
 */
public final class ColdStartRaw {

  private ColdStartRaw() {}

  public static void main(String[] args) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    byte[] body =
        ("{\"subject\":\"Quarterly review\",\"startDateTime\":\"2026-12-01T09:00:00Z\","
                + "\"endDateTime\":\"2026-12-01T09:30:00Z\","
                + "\"joinMeetingIdSettings\":{\"isPasscodeRequired\":true}}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(args[0] + "/v1.0/me/onlineMeetings"))
            .header("Authorization", "Bearer " + args[1])
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = new ObjectMapper().readTree(response.body());
    System.out.println(
        "OK "
            + json.path("id").asText()
            + " "
            + json.path("joinWebUrl").asText().length()
            + " "
            + json.path("joinMeetingIdSettings").path("passcode").asText());
    System.out.flush();
    System.exit(0);
  }
}
