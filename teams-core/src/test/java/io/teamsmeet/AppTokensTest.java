package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.spi.AuthPort;
import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.Deadline;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Application tokens in the core: one request per tenant for many threads, the cloud's scope. */
class AppTokensTest {

  /** The fixture's identity, plus a client-credentials grant that counts, records and can block. */
  static final class AppAuth implements AuthPort {
    final AuthPort delegate;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> scopes = new CopyOnWriteArrayList<>();
    final List<String> tenants = new CopyOnWriteArrayList<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final java.time.Clock clock;

    AppAuth(AuthPort delegate, java.time.Clock clock) {
      this.delegate = delegate;
      this.clock = clock;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      return delegate.authorizationUrl(request);
    }

    @Override
    public TokenResponse exchangeCode(
        AuthorizationCode code, CodeVerifier verifier, Deadline deadline) {
      return delegate.exchangeCode(code, verifier, deadline);
    }

    @Override
    public TokenResponse refresh(RefreshToken token, List<String> scopes, Deadline deadline) {
      return delegate.refresh(token, scopes, deadline);
    }

    @Override
    public TokenResponse clientCredentials(String tenant, String scope, Deadline deadline) {
      int n = requests.incrementAndGet();
      scopes.add(scope);
      tenants.add(tenant);
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new TokenResponse(
          new AccessToken("app-" + tenant + "-" + n),
          clock.instant().plus(Duration.ofHours(1)),
          Optional.empty(),
          Set.of(),
          IdTokenClaims.none());
    }
  }

  @Test
  void manyThreadsWaitForOneTokenRequestPerTenant() throws Exception {
    try (Fixture f = new Fixture()) {
      AppAuth auth = new AppAuth(f.identity, f.clock);
      auth.gate = new CountDownLatch(1);
      TeamsMeetings teams = f.builder(f.store, f.keys).ports(auth, f.graph).build();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          results.add(pool.submit(() -> teams.forTenant("contoso.com").accessToken()));
        }
        Thread.sleep(300); // every thread is now in the one request or waiting for it
        auth.gate.countDown();
        Set<AccessToken> tokens = ConcurrentHashMap.newKeySet();
        for (Future<AccessToken> r : results) {
          tokens.add(r.get(10, TimeUnit.SECONDS));
        }
        assertThat(tokens).hasSize(1);
        assertThat(auth.requests).hasValue(1);
        // the tenant is a key, not a string: case does not matter
        assertThat(teams.forTenant("CONTOSO.com").accessToken())
            .isEqualTo(tokens.iterator().next());
        assertThat(auth.requests).hasValue(1);
      } finally {
        pool.shutdownNow();
        teams.close();
      }
    }
  }

  @Test
  void theScopeIsTheCloudsGraphDefault() {
    try (Fixture f = new Fixture()) {
      AppAuth auth = new AppAuth(f.identity, f.clock);
      TeamsMeetings global = f.builder(f.store, f.keys).ports(auth, f.graph).build();
      TeamsMeetings usGov =
          f.builder(f.store, f.keys).ports(auth, f.graph).cloud(MicrosoftCloud.US_GOV).build();
      TeamsMeetings dod =
          f.builder(f.store, f.keys).ports(auth, f.graph).cloud(MicrosoftCloud.US_GOV_DOD).build();
      global.forTenant("contoso.com").accessToken();
      usGov.forTenant("contoso.us").accessToken();
      dod.forTenant("contoso.mil").accessToken();
      assertThat(auth.scopes)
          .containsExactly(
              "https://graph.microsoft.com/.default",
              "https://graph.microsoft.us/.default",
              "https://dod-graph.microsoft.us/.default");
      global.close();
      usGov.close();
      dod.close();
    }
  }

  @Test
  void anExpiredTokenIsAskedForAgainAndClosingReleases() {
    try (Fixture f = new Fixture()) {
      AppAuth auth = new AppAuth(f.identity, f.clock);
      TeamsMeetings teams = f.builder(f.store, f.keys).ports(auth, f.graph).build();
      AccessToken first = teams.forTenant("contoso.com").accessToken();
      f.clock.advance(Duration.ofMinutes(56)); // inside the 5-minute skew
      AccessToken second = teams.forTenant("contoso.com").accessToken();
      assertThat(second).isNotEqualTo(first);
      assertThat(auth.requests).hasValue(2);
      teams.close();
      assertThatThrownBy(() -> teams.forTenant("contoso.com").accessToken())
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void portsWithoutApplicationModeFailWithAConfigurationError() {
    try (Fixture f = new Fixture()) {
      TenantMeetings contoso = f.service.forTenant("contoso.com");
      assertThatThrownBy(contoso::accessToken)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("clientCredentials");
      assertThatThrownBy(() -> f.service.beginAdminConsent("customer-1"))
          .isInstanceOf(ConfigurationException.class);
      assertThatThrownBy(() -> f.service.forTenant("organizations"))
          .isInstanceOf(ConfigurationException.class);
    }
  }
}
