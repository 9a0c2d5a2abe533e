package io.teamsmeet.it;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.Connection;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The parts every test of this module puts together: a {@link FakeMicrosoft} with one confidential
 * app (so that a client secret travels and can be looked for in the logs), the SDK's public entry
 * point pointed at it, and a "browser" that follows the authorize redirect.
 */
final class Rig implements AutoCloseable {

  static final String CLIENT_ID = "5f1c9a7e-0000-4000-8000-00000000c0de";

  /** A fresh secret per run, so a leak can never hide behind a constant that looks harmless. */
  static final String CLIENT_SECRET = "Sx8Q~" + random(24);

  /** A real-looking https redirect URI: the fake redirects there and the browser stops. */
  static final URI REDIRECT_URI = URI.create("https://app.example/ms/callback");

  static final FakeAccount ANA = FakeAccount.of("ana@contoso.com", "Ana Souza");
  static final FakeAccount BOB = FakeAccount.of("bob@contoso.com", "Bob Kelly");

  private static final HttpClient BROWSER =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  final FakeMicrosoft fake;

  private Rig(FakeMicrosoft fake) {
    this.fake = fake;
  }

  /** A fake with the app and Ana and Bob. */
  static FakeMicrosoft.Builder fakeBuilder() {
    return FakeMicrosoft.builder()
        .app(CLIENT_ID, REDIRECT_URI, CLIENT_SECRET)
        .account(ANA)
        .account(BOB);
  }

  static Rig start() {
    return start(fakeBuilder());
  }

  static Rig start(FakeMicrosoft.Builder builder) {
    Secrets.add(CLIENT_SECRET);
    return new Rig(builder.start());
  }

  /**
   * Retries that cost milliseconds: 4 attempts, 1-5 ms backoff, at most 5 s of waiting per call.
   */
  static RetryPolicy fastRetries() {
    return RetryPolicy.builder()
        .maxAttempts(4)
        .initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5))
        .maxTotalWait(Duration.ofSeconds(5))
        .build();
  }

  static KeysetHandle newKeys() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SDK against this fake, on its clock, with fast retries and no refresh-ahead. */
  TeamsMeetings.Builder sdk(TokenStore store, KeysetHandle keys) {
    return sdk(store, keys, fake.identityBaseUri(), fake.graphBaseUri());
  }

  /** The SDK against other endpoints (a {@link MicrosoftProxy} in front of the fake). */
  TeamsMeetings.Builder sdk(TokenStore store, KeysetHandle keys, URI identity, URI graph) {
    return TeamsMeetings.builder()
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .redirectUri(REDIRECT_URI)
        .identityEndpoint(identity)
        .graphEndpoint(graph)
        .clock(fake.clock())
        .retryPolicy(fastRetries())
        .refreshAhead(Duration.ZERO)
        .tokenStore(store)
        .tokenKeys(keys);
  }

  /** Steps 1 and 2 for {@code userId}, signing in at the fake as {@code account}. */
  Connection connect(TeamsMeetings teams, String userId, FakeAccount account) {
    fake.nextSignIn(account.userPrincipalName());
    return teams.completeConnect(userId, signIn(teams.beginConnect(userId)));
  }

  /** What the browser does between steps 1 and 2: follows the authorize URL to the redirect. */
  static URI signIn(URI authorizeUrl) {
    try {
      HttpResponse<Void> response =
          BROWSER.send(
              HttpRequest.newBuilder(authorizeUrl).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 302) {
        throw new IllegalStateException(
            "the fake answered the authorize request with " + response.statusCode());
      }
      return URI.create(response.headers().firstValue("Location").orElseThrow());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Collects the secrets the fake saw so far, for {@link LeakScanTest}. */
  void harvest() {
    Secrets.harvest(fake);
  }

  /** Harvests, then resets the fake for the next test. */
  void reset() {
    harvest();
    fake.reset();
  }

  @Override
  public void close() {
    harvest();
    fake.close();
  }

  static String random(int bytes) {
    byte[] data = new byte[bytes];
    new SecureRandom().nextBytes(data);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }
}
