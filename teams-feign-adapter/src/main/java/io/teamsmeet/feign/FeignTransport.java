package io.teamsmeet.feign;

import feign.Client;
import feign.Request;

/** Any Feign client the user passes ({@link Transport#feign(Client)}). */
final class FeignTransport extends Transport {

  private final Client client;

  FeignTransport(Client client) {
    this.client = client;
  }

  @Override
  Wiring wire(Settings settings) {
    return new Wiring(
        client,
        new Request.Options(settings.connectTimeout(), settings.requestTimeout(), false),
        () -> {});
  }

  @Override
  public String toString() {
    return "feign(" + client.getClass().getName() + ")";
  }
}
