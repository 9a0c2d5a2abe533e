package io.teamsmeet.feign;

import feign.Client;
import feign.Feign;
import feign.Retryer;
import io.teamsmeet.spi.MicrosoftAdapter;
import io.teamsmeet.spi.MicrosoftSettings;
import io.teamsmeet.spi.Ports;
import java.net.URI;

/**
 * This module's {@link MicrosoftAdapter}: the identity platform v2.0 and Graph v1.0 over Feign and
 * Jackson, on the {@link Transport} the application chose (default {@link Transport#jdk()}). {@code
 * TeamsMeetings.builder()} finds it through {@link java.util.ServiceLoader} (it is listed in {@code
 * META-INF/services/io.teamsmeet.spi.MicrosoftAdapter}); applications never call it.
 *
 * <p>Every request carries the SDK's headers ({@link StandardHeaders}); nothing is retried here
 * (the core decides); failures become the core's exceptions ({@link GraphErrorDecoder}, {@link
 * IdentityErrorDecoder}); requests are logged at DEBUG without any token, code or body ({@link
 * LoggingClient}). Thread-safe and stateless.
 */
public final class FeignMicrosoftAdapter implements MicrosoftAdapter {

  /** For {@link java.util.ServiceLoader}. */
  public FeignMicrosoftAdapter() {}

  @Override
  public Ports connect(MicrosoftSettings settings) {
    Wired wired = wire(settings);
    return new Ports(
        wired.auth(), wired.meetings(), wired.events(), wired.release(), wired.description());
  }

  /** The two ports with their concrete types, for this module's tests. */
  record Wired(
      IdentityPlatformAuthPort auth,
      GraphMeetingPort meetings,
      GraphEventPort events,
      Client client,
      Runnable release,
      String description) {}

  static Wired wire(MicrosoftSettings s) {
    Transport transport = transportOf(s);
    URI identity = s.identityEndpoint();
    URI graph = s.graphEndpoint();
    boolean allTls =
        identity.getScheme().equalsIgnoreCase("https")
            && graph.getScheme().equalsIgnoreCase("https");
    Transport.Wiring wiring =
        transport.wire(new Transport.Settings(s.connectTimeout(), s.requestTimeout(), allTls));
    Client client = new LoggingClient(wiring.client());
    feign.Request.Options options = wiring.options();
    ClientCredential credential = ClientCredential.of(s.credential());
    String tenantBase = identity + "/" + s.tenant();
    IdentityApi identityApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new TokenResponseDecoder(s.clock(), s.clientId()))
            .errorDecoder(new IdentityErrorDecoder(s.clock(), s.redirectUri().toString()))
            .requestInterceptor(StandardHeaders.forIdentityPlatform())
            .target(IdentityApi.class, tenantBase + "/oauth2/v2.0");
    GraphApi graphApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new MeetingDecoder())
            .errorDecoder(new GraphErrorDecoder(s.clock()))
            .requestInterceptor(StandardHeaders.forGraph())
            .target(GraphApi.class, graph + "/v1.0");
    AppTokenApi appTokenApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new TokenResponseDecoder(s.clock(), s.clientId()))
            .errorDecoder(new IdentityErrorDecoder(s.clock(), s.redirectUri().toString()))
            .requestInterceptor(StandardHeaders.forIdentityPlatform())
            .target(AppTokenApi.class, identity.toString());
    UserGraphApi userGraphApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new MeetingDecoder())
            .errorDecoder(new GraphErrorDecoder(s.clock()))
            .requestInterceptor(StandardHeaders.forGraph())
            .target(UserGraphApi.class, graph + "/v1.0");
    EventApi eventApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new EventDecoder())
            .errorDecoder(new GraphErrorDecoder(s.clock()))
            .requestInterceptor(StandardHeaders.forGraph())
            .target(EventApi.class, graph + "/v1.0");
    UserEventApi userEventApi =
        Feign.builder()
            .client(client)
            .options(options)
            .retryer(Retryer.NEVER_RETRY)
            .encoder(JsonCodec.INSTANCE)
            .decoder(new EventDecoder())
            .errorDecoder(new GraphErrorDecoder(s.clock()))
            .requestInterceptor(StandardHeaders.forGraph())
            .target(UserEventApi.class, graph + "/v1.0");
    return new Wired(
        new IdentityPlatformAuthPort(
            tenantBase,
            s.clientId(),
            s.redirectUri(),
            credential,
            s.clock(),
            identityApi,
            identity.toString(),
            appTokenApi),
        new GraphMeetingPort(graphApi, userGraphApi),
        new GraphEventPort(eventApi, userEventApi),
        client,
        wiring.release(),
        "TeamsMeetings[clientId="
            + s.clientId()
            + ", tenant="
            + s.tenant()
            + ", identity="
            + identity
            + ", graph="
            + graph
            + ", credential="
            + credential
            + ", transport="
            + transport
            + "]");
  }

  private static Transport transportOf(MicrosoftSettings s) {
    if (s.transport() == null) {
      return Transport.jdk();
    }
    if (s.transport() instanceof Transport transport) {
      return transport;
    }
    throw new IllegalArgumentException(
        "transport must be one of teams-feign-adapter's (Transport.jdk(), Transport.okHttp(),"
            + " OkHttpTransport.of(...), Transport.feign(...)), was "
            + s.transport().getClass().getName());
  }
}
