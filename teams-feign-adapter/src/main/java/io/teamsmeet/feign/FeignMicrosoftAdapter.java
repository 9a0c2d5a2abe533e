package io.teamsmeet.feign;

import feign.Client;
import io.teamsmeet.spi.MicrosoftAdapter;
import io.teamsmeet.spi.MicrosoftSettings;
import io.teamsmeet.spi.Ports;
import java.net.URI;

/**
 * This module's {@link MicrosoftAdapter}: the identity platform v2.0 and Graph v1.0 through Feign's
 * {@code Client} with Jackson, on the {@link Transport} the application chose (default {@link
 * Transport#jdk()}); each port builds its requests and {@link Calls} sends them. {@code
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
    ClientCredential credential = ClientCredential.of(s.credential());
    Transport.Wiring wiring =
        transport.wire(new Transport.Settings(s.connectTimeout(), s.requestTimeout(), allTls));
    Client client = new LoggingClient(wiring.client());
    feign.Request.Options options = wiring.options();
    String tenantBase = identity + "/" + s.tenant();
    // The identity platform's requests carry absolute URLs (its token endpoints differ by tenant)
    Calls identityCalls =
        new Calls(
            client,
            options,
            "",
            new TokenResponseDecoder(s.clock(), s.clientId()),
            new IdentityErrorDecoder(s.clock(), s.redirectUri().toString()),
            false);
    String graphBase = graph + "/v1.0";
    GraphErrorDecoder graphErrors = new GraphErrorDecoder(s.clock());
    Calls meetingCalls =
        new Calls(client, options, graphBase, new MeetingDecoder(), graphErrors, true);
    Calls eventCalls = new Calls(client, options, graphBase, new EventDecoder(), graphErrors, true);
    wiring.ready().run(); // the HTTP client may have been built meanwhile (JdkTransport)
    return new Wired(
        new IdentityPlatformAuthPort(
            tenantBase,
            s.clientId(),
            s.redirectUri(),
            credential,
            s.clock(),
            identityCalls,
            identity.toString()),
        new GraphMeetingPort(meetingCalls, true),
        new GraphEventPort(eventCalls, true),
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
