package io.teamsmeet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import io.teamsmeet.InvalidAuthorizationResponseException.Reason;
import io.teamsmeet.spi.AuthPort;
import java.net.URI;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Admin consent for multi-tenant apps: the URL of Microsoft's {@code /adminconsent} page with a
 * sealed state, and the callback, checked as a user connection's is (state present, sealed by these
 * keys for this purpose, for this reference, in time, single use on this instance) before its
 * {@code error} (first) or its {@code tenant} and {@code admin_consent} are read. Thread-safe.
 *
 * <p>The state is AEAD-sealed with a purpose label of its own, so a connect state (or a sealed
 * grant) never passes for an admin consent state. Format before sealing: {@code [1: format=1][8:
 * issuedAt epoch ms][16: nonce][2: n][n: reference UTF-8][rest: requested tenant UTF-8]}.
 */
final class AdminConsentFlow {

  private static final byte FORMAT = 1;
  private static final byte[] PURPOSE =
      "io.teamsmeet/admin-consent-state/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_STATE_LENGTH = 4096;

  private final AuthPort auth;
  private final Aead aead;
  private final Clock clock;
  private final Duration stateLifetime;
  private final String scope;
  private final SecureRandom random;
  private final Cache<String, Boolean> usedStates;

  AdminConsentFlow(
      AuthPort auth,
      Aead aead,
      Clock clock,
      Duration stateLifetime,
      String scope,
      SecureRandom random) {
    this.auth = auth;
    this.aead = aead;
    this.clock = clock;
    this.stateLifetime = stateLifetime;
    this.scope = scope;
    this.random = random;
    this.usedStates =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterWrite(stateLifetime.plus(Duration.ofMinutes(1)))
            .build();
  }

  URI begin(String reference, String tenant) {
    String state = seal(reference, tenant, clock.instant());
    try {
      return auth.adminConsentUrl(tenant, scope, state);
    } catch (UnsupportedOperationException e) {
      throw ConfigurationException.of(
          "the configured AuthPort does not serve admin consent; use teams-feign-adapter or"
              + " implement AuthPort.adminConsentUrl",
          ErrorDetails.none());
    }
  }

  AdminConsent complete(String reference, CallbackParameters callback) {
    Optional<String> state = callback.get("state");
    if (state.isEmpty()) {
      throw InvalidAuthorizationResponseException.of(Reason.MISSING_STATE);
    }
    Opened opened = open(state.get());
    if (!opened.reference().equals(reference)) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_FOR_ANOTHER_USER);
    }
    Instant now = clock.instant();
    if (now.isAfter(opened.issuedAt().plus(stateLifetime))
        || opened.issuedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_EXPIRED);
    }
    markUsed(state.get());
    // error first: Microsoft's failure redirect may carry admin_consent=True next to error=.
    Optional<String> error = callback.get("error");
    if (error.isPresent()) {
      throw AuthorizationDeniedException.of(
          error.get(), callback.get("error_description").orElse(null));
    }
    Optional<String> tenant = callback.get("tenant");
    boolean consented =
        callback.get("admin_consent").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    if (tenant.isEmpty() || !consented || !SafeText.isClean(tenant.get())) {
      throw InvalidAuthorizationResponseException.of(Reason.ADMIN_CONSENT_INCOMPLETE);
    }
    String asked = opened.tenant().toLowerCase(Locale.ROOT);
    if (!asked.equals("organizations")
        && !asked.equals("common")
        && isGuid(asked)
        && !asked.equalsIgnoreCase(tenant.get())) {
      // a domain cannot be compared with the tenant id Microsoft returns; a tenant id can
      throw InvalidAuthorizationResponseException.of(Reason.TENANT_MISMATCH);
    }
    try {
      AppMode.requireRealTenant(tenant.get());
    } catch (RuntimeException e) {
      throw InvalidAuthorizationResponseException.of(Reason.ADMIN_CONSENT_INCOMPLETE);
    }
    return new AdminConsent(reference, tenant.get(), now.truncatedTo(ChronoUnit.MILLIS));
  }

  private static boolean isGuid(String text) {
    return text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  private void markUsed(String state) {
    String key =
        Base64.getEncoder().encodeToString(Pkce.sha256(state.getBytes(StandardCharsets.US_ASCII)));
    if (usedStates.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_REPLAYED);
    }
  }

  private record Opened(String reference, String tenant, Instant issuedAt) {}

  String seal(String reference, String tenant, Instant issuedAt) {
    byte[] ref = reference.getBytes(StandardCharsets.UTF_8);
    byte[] ten = tenant.getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 16 + 2 + ref.length + ten.length);
    buffer.put(FORMAT).putLong(issuedAt.toEpochMilli()).put(nonce);
    buffer.putShort((short) ref.length).put(ref).put(ten);
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(aead.encrypt(buffer.array(), PURPOSE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the configured AEAD could not seal the admin consent state", e);
    }
  }

  private Opened open(String state) {
    if (state.length() > MAX_STATE_LENGTH) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
    byte[] plain;
    try {
      plain = aead.decrypt(Base64.getUrlDecoder().decode(state), PURPOSE);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(plain);
      if (buffer.get() != FORMAT) {
        throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
      }
      Instant issuedAt = Instant.ofEpochMilli(buffer.getLong());
      buffer.position(buffer.position() + 16);
      byte[] ref = new byte[Short.toUnsignedInt(buffer.getShort())];
      buffer.get(ref);
      byte[] ten = new byte[buffer.remaining()];
      buffer.get(ten);
      return new Opened(
          new String(ref, StandardCharsets.UTF_8),
          new String(ten, StandardCharsets.UTF_8),
          issuedAt);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw InvalidAuthorizationResponseException.of(Reason.STATE_ALTERED);
    }
  }
}
