package io.teamsmeet.feign;

import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a fuzzer's bytes into Feign responses and into fields for structured JSON. */
final class FuzzInputs {

  private FuzzInputs() {}

  static Response response(int status, Map<String, String> headers, byte[] body) {
    Map<String, Collection<String>> all = new LinkedHashMap<>();
    all.put("Content-Type", List.of("application/json; charset=utf-8"));
    headers.forEach((k, v) -> all.put(k, List.of(v)));
    Request request =
        Request.create(
            Request.HttpMethod.POST,
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
            Map.of("client-request-id", List.of("6d0ae1d7-0000-4000-8000-00000000f022")),
            (byte[]) null,
            StandardCharsets.UTF_8,
            null);
    return Response.builder()
        .status(status)
        .reason("fuzz")
        .request(request)
        .headers(all)
        .body(body)
        .build();
  }

  /**
   * Splits bytes at each 0x00 into UTF-8 strings, padded with nulls to {@code count}: the fields of
   * a structured input. A field that is absent or empty is left out of the JSON.
   */
  static List<String> fields(byte[] data, int count) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= data.length && fields.size() < count; i++) {
      if (i == data.length || data[i] == 0) {
        fields.add(new String(data, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    while (fields.size() < count) {
      fields.add(null);
    }
    return fields;
  }
}
