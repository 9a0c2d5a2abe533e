package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import io.teamsmeet.spi.RefreshToken;
import io.teamsmeet.spi.TokenResponse;
import io.teamsmeet.store.StoredGrant;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sealing and opening share one set of limits: whatever is sealed opens, and a token response
 * beyond the limits is refused with a clear error before anything is stored. Grants sealed in the
 * first format (before connection ids) still open.
 */
class GrantLimitsTest {

  private static final Aead AEAD = StateFuzzTest.aead();
  private static final GrantCodec CODEC = new GrantCodec(AEAD);
  private static final MeetingRequest REQUEST =
      MeetingRequest.of("Sync", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMinutes(30));

  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static Grant grant(String refreshToken, Set<String> scopes) {
    return new Grant(
        new RefreshToken(refreshToken),
        Optional.of("tenant"),
        Optional.of("ana@contoso.com"),
        scopes,
        Instant.parse("2026-11-01T00:00:00Z"),
        42);
  }

  private static Set<String> scopes(int count) {
    Set<String> scopes = new HashSet<>();
    IntStream.range(0, count).forEach(i -> scopes.add("Scope.Number" + i));
    return scopes;
  }

  @Test
  void aGrantAtEveryLimitSealsAndOpens() throws Exception {
    Grant biggest = grant("r".repeat(GrantCodec.MAX_STRING), scopes(GrantCodec.MAX_SCOPES));
    assertThat(CODEC.open("u", CODEC.seal("u", biggest))).isEqualTo(biggest);
  }

  @Test
  void sealingBeyondALimitIsRefusedNamingTheLimit() {
    assertThatThrownBy(() -> CODEC.seal("u", grant("rt", scopes(GrantCodec.MAX_SCOPES + 1))))
        .isInstanceOfSatisfying(
            TeamsServiceException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("1025 scopes (at most 1024)");
    assertThatThrownBy(
            () -> CODEC.seal("u", grant("r".repeat(GrantCodec.MAX_STRING + 1), Set.of())))
        .hasMessageContaining("the refresh token of 65537 bytes (at most 65536)")
        .hasMessageNotContaining("rrrr");
    assertThatThrownBy(() -> CODEC.seal("u", grant("rt", Set.of("é".repeat(40_000)))))
        .hasMessageContaining("a scope of 80000 bytes");
  }

  @Test
  void aConnectWhoseTokenResponseIsBeyondTheLimitsStoresNothing() {
    f.identity.answerFilter = withScopes(70_000); // more than a 16-bit count could even hold
    assertThatThrownBy(() -> f.connect("user-1", "ana@contoso.com"))
        .isInstanceOf(TeamsServiceException.class)
        .hasMessageContaining("70000 scopes (at most 1024)");
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void aRefreshWhoseAnswerIsBeyondTheLimitsKeepsTheStoredGrantWorking() {
    f.connect("user-1", "ana@contoso.com");
    StoredGrant before = f.store.rows.get("user-1");
    f.expireAccessTokens();
    f.identity.answerFilter = withScopes(2_000);

    assertThatThrownBy(() -> f.service.meetings().create("user-1", REQUEST))
        .hasMessageContaining("2000 scopes (at most 1024)");
    assertThat(f.store.rows.get("user-1")).isEqualTo(before);
    assertThat(f.service.status("user-1").state()).isEqualTo(ConnectionStatus.State.CONNECTED);

    f.identity.answerFilter = r -> r;
    assertThat(f.service.meetings().create("user-1", REQUEST).joinUrl()).isNotNull();
  }

  @Test
  void aGrantSealedInTheFirstFormatOpensAndKeepsItsConnectionTime() throws Exception {
    Instant connectedAt = Instant.parse("2026-10-01T12:00:00Z");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      writeString(out, "rt-old");
      writeString(out, "tenant-1");
      out.writeInt(-1); // no account name
      out.writeShort(1);
      writeString(out, "OnlineMeetings.ReadWrite");
      out.writeLong(connectedAt.toEpochMilli());
    }
    byte[] sealed =
        AEAD.encrypt(
            bytes.toByteArray(), ("io.teamsmeet/grant/v1\u0000u").getBytes(StandardCharsets.UTF_8));

    Grant opened = CODEC.open("u", sealed);

    assertThat(opened.refreshToken()).isEqualTo(new RefreshToken("rt-old"));
    assertThat(opened.accountName()).isEmpty();
    assertThat(opened.connectedAt()).isEqualTo(connectedAt);
    assertThat(opened.connectionId()).isEqualTo(connectedAt.toEpochMilli());
    assertThat(CODEC.open("u", CODEC.seal("u", opened))).isEqualTo(opened);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static UnaryOperator<TokenResponse> withScopes(int count) {
    return r ->
        new TokenResponse(
            r.accessToken(), r.expiresAt(), r.refreshToken(), scopes(count), r.idTokenClaims());
  }
}
