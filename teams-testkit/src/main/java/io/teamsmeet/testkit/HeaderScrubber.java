package io.teamsmeet.testkit;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the headers WireMock adds of its own ({@code Matched-Stub-Id}), which Microsoft never
 * sends.
 */
final class HeaderScrubber implements ResponseTransformerV2 {

  @Override
  public String getName() {
    return "fake-microsoft-header-scrubber";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    HttpHeaders headers = response.getHeaders();
    if (headers == null || !headers.keys().stream().anyMatch(HeaderScrubber::isWireMocks)) {
      return response;
    }
    List<HttpHeader> kept = new ArrayList<>();
    for (HttpHeader header : headers.all()) {
      if (!isWireMocks(header.key())) {
        kept.add(header);
      }
    }
    return Response.Builder.like(response).but().headers(new HttpHeaders(kept)).build();
  }

  private static boolean isWireMocks(String name) {
    return name.regionMatches(true, 0, "Matched-Stub-", 0, 13);
  }
}
