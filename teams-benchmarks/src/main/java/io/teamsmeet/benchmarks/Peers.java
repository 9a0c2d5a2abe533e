package io.teamsmeet.benchmarks;

import com.microsoft.graph.models.JoinMeetingIdSettings;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the peer clients share, kept apart from {@link Clients} so that the peers' cold-start JVMs
 * load nothing of this SDK, Jackson or Tink: the meeting through the Graph SDK's model, a Kiota
 * token provider, and trust in the fake's self-signed certificate.
 */
final class Peers {

  private Peers() {}

  /** The benchmarks' client id (a constant: using it does not load {@link Clients}). */
  static final String CLIENT_ID = "3f2a8c4e-1b7d-4e9a-8c6f-2d5b7a9e1c3f";

  /** The Graph scope MSAL asks for. */
  static final Set<String> SCOPES = Set.of("OnlineMeetings.ReadWrite");

  static final OffsetDateTime START_ODT = OffsetDateTime.parse("2026-12-01T09:00:00Z");
  static final OffsetDateTime END_ODT = START_ODT.plusMinutes(30);

  /** The same meeting through the Graph SDK's model; built per call (Kiota models are stateful). */
  static String createWithGraph(GraphServiceClient graph) {
    OnlineMeeting meeting = new OnlineMeeting();
    meeting.setSubject("Quarterly review");
    meeting.setStartDateTime(START_ODT);
    meeting.setEndDateTime(END_ODT);
    JoinMeetingIdSettings settings = new JoinMeetingIdSettings();
    settings.setIsPasscodeRequired(true);
    meeting.setJoinMeetingIdSettings(settings);
    OnlineMeeting created = graph.me().onlineMeetings().post(meeting);
    if (created == null
        || created.getId() == null
        || created.getJoinWebUrl() == null
        || created.getJoinMeetingIdSettings() == null
        || created.getJoinMeetingIdSettings().getPasscode() == null) {
      throw new IllegalStateException("incomplete meeting");
    }
    return created.getJoinWebUrl();
  }

  /** A Kiota token provider that hands out whatever {@code token} supplies, for any host. */
  static BaseBearerTokenAuthenticationProvider bearer(Supplier<String> token) {
    AllowedHostsValidator anyHost = new AllowedHostsValidator();
    return new BaseBearerTokenAuthenticationProvider(
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return token.get();
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return anyHost;
          }
        });
  }

  /**
   * An SSL context that trusts the fake's self-signed certificate, read from {@code trustStore}.
   */
  static SSLContext clientTls(Path trustStore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      trust.load(in, "benchmark".toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return tls;
  }
}
