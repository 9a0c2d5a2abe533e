package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.spi.AuthorizationCode;
import io.teamsmeet.spi.AuthorizationRequest;
import io.teamsmeet.spi.CodeVerifier;
import io.teamsmeet.spi.IdTokenClaims;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.store.StoredGrant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No value type prints a secret it holds, and no exception message carries one. */
class RedactionTest {

  private static final String ACCESS = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.SECRET-ACCESS";
  private static final String REFRESH = "0.AVYA-SECRET-REFRESH-TOKEN";
  private static final String CODE = "0.AX8A-SECRET-AUTH-CODE";
  private static final String VERIFIER = "SECRETverifierSECRETverifierSECRETverifier123";
  private static final String STATE = "SECRET-SEALED-STATE-VALUE";
  private static final String CIPHERTEXT = "SECRET-CIPHERTEXT-BYTES";

  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void valueTypesHoldingSecretsNeverPrintThem() {
    List<Object> values = new ArrayList<>();
    values.add(new AccessToken(ACCESS));
    values.add(new RefreshToken(REFRESH));
    values.add(new AuthorizationCode(CODE));
    values.add(new CodeVerifier(VERIFIER));
    values.add(
        new AuthorizationRequest(
            STATE,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            List.of("x"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    values.add(
        new TokenResponse(
            new AccessToken(ACCESS),
            Instant.EPOCH,
            Optional.of(new RefreshToken(REFRESH)),
            Set.of("x"),
            IdTokenClaims.none()));
    values.add(
        new StoredGrant("user-1", 1, CIPHERTEXT.getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
    values.add(
        new Grant(
            new RefreshToken(REFRESH),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Instant.EPOCH,
            1));
    values.add(new StateCodec.Pending("user-1", new CodeVerifier(VERIFIER), Instant.EPOCH));

    for (Object value : values) {
      assertThat(value.toString())
          .as(value.getClass().getSimpleName())
          .doesNotContain(ACCESS, REFRESH, CODE, VERIFIER, STATE, CIPHERTEXT)
          .contains("redacted");
    }
  }

  @Test
  void exceptionsAlongTheWholeFlowCarryNoSecret() {
    List<String> secrets = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();
    java.net.URI callback = f.identity.consent(f.service.beginConnect("user-1"), "ana@contoso.com");
    secrets.add(FakeIdentity.query(callback).get("state"));
    secrets.add(FakeIdentity.query(callback).get("code"));
    f.service.completeConnect("user-1", callback);
    secrets.addAll(f.identity.refreshTokens.keySet());
    secrets.addAll(f.identity.accessTokens.keySet());
    secrets.add(new String(f.store.rows.get("user-1").ciphertext(), StandardCharsets.ISO_8859_1));

    thrown.add(
        org.assertj.core.api.Assertions.catchThrowable(
            () -> f.service.completeConnect("user-1", callback)));
    thrown.add(
        org.assertj.core.api.Assertions.catchThrowable(
            () -> f.service.completeConnect("other", callback)));
    f.identity.revokeAll("ana@contoso.com");
    f.expireAccessTokens();
    thrown.add(
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                f.service
                    .meetings()
                    .create(
                        "user-1",
                        io.teamsmeet.MeetingRequest.of(
                            "x", Instant.now(), java.time.Duration.ofMinutes(1)))));

    assertThat(thrown).doesNotContainNull();
    for (Throwable t : thrown) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        String text = c.toString();
        for (String secret : secrets) {
          assertThat(text).doesNotContain(secret);
        }
      }
    }
  }
}
