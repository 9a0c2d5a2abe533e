package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.store.TokenStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The user id rules ({@link TokenStore#MAX_USER_ID_UTF8_BYTES}, no control characters) hold in
 * every public method that takes a user id, before anything is sent or stored.
 */
class UserIdRulesTest {

  /** 63 four-byte emoji and a three-byte euro sign: exactly 255 bytes, 127 UTF-16 units. */
  static final String LONGEST = "😀".repeat(63) + "€";

  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private List<Consumer<String>> everyPublicMethod() {
    URI callback = URI.create("https://app.example/callback?code=c&state=s");
    MeetingRequest request = MeetingRequest.of("Review", f.clock.instant(), Duration.ofMinutes(30));
    return List.of(
        f.service::beginConnect,
        u -> f.service.beginConnect(u, ConnectOptions.none()),
        u -> f.service.completeConnect(u, callback),
        u -> f.service.completeConnect(u, Map.of("code", "c", "state", "s")),
        f.service::disconnect,
        f.service::reseal,
        f.service::status,
        u -> f.service.meetings().create(u, request),
        u -> f.service.meetings().get(u, "m-1"),
        u -> f.service.meetings().update(u, "m-1", MeetingUpdate.builder().subject("x").build()),
        u -> f.service.meetings().delete(u, "m-1"));
  }

  @Test
  void theLongestIdIs255BytesOfUtf8AndConnects() {
    assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(TokenStore.MAX_USER_ID_UTF8_BYTES);

    assertThat(f.connect(LONGEST, "ana@contoso.com").userId()).isEqualTo(LONGEST);
    assertThat(f.connect("a".repeat(255), "ana@contoso.com").userId()).hasSize(255);
    assertThat(f.service.status(LONGEST).isConnected()).isTrue();
  }

  @Test
  void oneByteMoreIsRefusedEverywhereNamingUserIdAndTheLimit() {
    for (String tooLong :
        List.of("a".repeat(256), "é".repeat(128), "😀".repeat(63) + "€é", "x".repeat(100_000))) {
      for (Consumer<String> method : everyPublicMethod()) {
        assertThatThrownBy(() -> method.accept(tooLong))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("userId must be at most 255 bytes in UTF-8")
            .hasMessageNotContaining(tooLong.substring(0, 20));
      }
    }
    assertThat(f.identity.exchanges).hasValue(0);
    assertThat(f.store.rows).isEmpty();
  }

  @Test
  void controlCharactersSeparatorsAndBidiControlsAreRefusedEverywhere() {
    for (String hostile :
        List.of(
            "ana\nINFO forged",
            "ana\u001b[31m",
            "ana\u2028",
            "ana\u202Egnp",
            "ana\u0085",
            "ana\u007f",
            "ana\uD83D")) {
      for (Consumer<String> method : everyPublicMethod()) {
        assertThatThrownBy(() -> method.accept(hostile))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("userId must not contain control characters");
      }
    }
  }
}
