package io.teamsmeet;

import io.teamsmeet.spi.MicrosoftAdapter;
import io.teamsmeet.spi.MicrosoftSettings;
import io.teamsmeet.spi.Ports;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Finds the Microsoft adapter on the classpath and hands it the builder's settings. */
final class Adapters {

  private static final System.Logger LOG = System.getLogger(Loggers.CONFIG);

  private Adapters() {}

  static Ports connect(TeamsMeetings.Builder b) {
    return adapter().connect(settings(b));
  }

  static MicrosoftSettings settings(TeamsMeetings.Builder b) {
    Checks.required(b.clientId, "clientId");
    Checks.required(b.redirectUri, "redirectUri");
    if (!b.cloud.supportsOnlineMeetings()) {
      throw new IllegalStateException(
          "cloud "
              + b.cloud
              + " is not supported: Microsoft Graph's onlineMeetings API is not available in"
              + " Microsoft Cloud China operated by 21Vianet");
    }
    String t = b.tenant.toLowerCase(Locale.ROOT);
    if (t.equals("common") || t.equals("consumers")) {
      LOG.log(
          System.Logger.Level.WARNING,
          "tenant \"{0}\" lets personal Microsoft accounts sign in, but personal accounts cannot"
              + " create online meetings (Graph answers with an error after they connect); use"
              + " \"organizations\" or your tenant id",
          b.tenant);
    }
    URI identity = b.identityEndpoint != null ? b.identityEndpoint : b.cloud.identityEndpoint();
    URI graph = b.graphEndpoint != null ? b.graphEndpoint : b.cloud.graphEndpoint();
    return new MicrosoftSettings(
        b.clientId,
        b.redirectUri,
        b.tenant,
        identity,
        graph,
        b.credential,
        b.transport,
        b.connectTimeout,
        b.requestTimeout,
        b.clock);
  }

  /** The one adapter on the class path of the core, else of the thread's context class loader. */
  private static MicrosoftAdapter adapter() {
    List<MicrosoftAdapter> found = load(TeamsMeetings.class.getClassLoader());
    if (found.isEmpty()) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && context != TeamsMeetings.class.getClassLoader()) {
        found = load(context);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no adapter to Microsoft's APIs on the classpath: add the dependency"
              + " io.teamsmeet:teams-feign-adapter, or pass ports of your own with"
              + " TeamsMeetings.builder().ports(authPort, meetingPort)");
    }
    if (found.size() > 1) {
      List<String> names = new ArrayList<>();
      for (MicrosoftAdapter adapter : found) {
        names.add(adapter.getClass().getName());
      }
      throw new IllegalStateException(
          "more than one adapter to Microsoft's APIs on the classpath: " + names + "; keep one");
    }
    return found.get(0);
  }

  private static List<MicrosoftAdapter> load(ClassLoader loader) {
    List<MicrosoftAdapter> adapters = new ArrayList<>();
    for (MicrosoftAdapter adapter : ServiceLoader.load(MicrosoftAdapter.class, loader)) {
      adapters.add(adapter);
    }
    return adapters;
  }
}
