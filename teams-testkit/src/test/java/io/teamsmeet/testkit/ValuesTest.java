package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small values: accounts, Retry-After, Graph's date format. */
class ValuesTest {

  @Test
  void accountsDeriveStableIdsFromTheUpn() {
    FakeAccount ana = FakeAccount.of("Ana@Contoso.com", "Ana Souza");
    assertThat(ana).isEqualTo(FakeAccount.of("Ana@Contoso.com", "Ana Souza"));
    assertThat(ana.objectId()).isEqualTo(FakeAccount.of("ana@contoso.com", "Ana").objectId());
    assertThat(ana.tenantId()).isEqualTo(FakeAccount.of("bob@contoso.com", "Bob").tenantId());
    assertThat(ana.tenantId()).isNotEqualTo(FakeAccount.of("bob@fabrikam.com", "Bob").tenantId());
    assertThat(ana.objectId()).matches("[0-9a-f-]{36}");
    assertThat(ana.teamsLicensed()).isTrue();
    assertThat(ana.audioConferencing()).isTrue();
    FakeAccount changed =
        ana.withTenantId("t")
            .withObjectId("o")
            .withTeamsLicensed(false)
            .withAudioConferencing(false);
    assertThat(changed)
        .isEqualTo(new FakeAccount("Ana@Contoso.com", "Ana Souza", "t", "o", false, false));
  }

  @Test
  void accountsRejectBadValues() {
    assertThatThrownBy(() -> FakeAccount.of("nodomain", "x"))
        .hasMessageContaining("userPrincipalName");
    assertThatThrownBy(() -> FakeAccount.of("a@b.c", " ")).hasMessageContaining("displayName");
    assertThatThrownBy(() -> FakeAccount.of(null, "x")).hasMessageContaining("userPrincipalName");
  }

  @Test
  void theSameObjectIdCannotBelongToTwoAccounts() {
    try (FakeMicrosoft fake = FakeMicrosoft.start()) {
      FakeAccount clash =
          FakeAccount.of("other@contoso.com", "Other")
              .withObjectId(FakeMicrosoft.DEFAULT_ACCOUNT.objectId());
      assertThatThrownBy(() -> fake.addAccount(clash)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void retryAfterValues() {
    Instant now = Instant.parse("2026-03-05T09:00:00.900Z");
    assertThat(RetryAfter.seconds(3).headerValue(now)).contains("3");
    assertThat(RetryAfter.decimalSeconds(Duration.ofMillis(2128)).headerValue(now))
        .contains("2.128");
    assertThat(RetryAfter.decimalSeconds(Duration.ofSeconds(2)).headerValue(now)).contains("2.000");
    assertThat(RetryAfter.httpDate(Duration.ofSeconds(30)).headerValue(now))
        .contains("Thu, 05 Mar 2026 09:00:30 GMT");
    assertThat(RetryAfter.none().headerValue(now)).isEmpty();
    assertThat(RetryAfter.none().delay()).isEmpty();
    assertThat(RetryAfter.seconds(4).delay()).contains(Duration.ofSeconds(4));
  }

  @Test
  void graphDatesHaveUpToSevenFractionalDigitsInUtc() {
    assertThat(MeetingJson.format(Instant.parse("2019-07-11T02:17:17.649136499Z")))
        .isEqualTo("2019-07-11T02:17:17.6491364Z");
    assertThat(MeetingJson.format(Instant.parse("2019-07-11T02:47:17.651138Z")))
        .isEqualTo("2019-07-11T02:47:17.651138Z");
    assertThat(MeetingJson.format(Instant.parse("2019-07-11T03:00:00Z")))
        .isEqualTo("2019-07-11T03:00:00Z");
    assertThat(MeetingJson.parse("2019-07-12T14:30:34.2444915-07:00"))
        .isEqualTo(Instant.parse("2019-07-12T21:30:34.2444915Z"));
    assertThat(MeetingJson.parse("2019-07-12T14:30:34"))
        .isEqualTo(Instant.parse("2019-07-12T14:30:34Z"));
  }

  @Test
  void theBuilderRejectsBadValuesAtTheSetter() {
    FakeMicrosoft.Builder builder = FakeMicrosoft.builder();
    assertThatThrownBy(() -> builder.app(" ", FakeMicrosoft.DEFAULT_REDIRECT_URI))
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> builder.app("a", java.net.URI.create("/relative")))
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(() -> builder.app("a", FakeMicrosoft.DEFAULT_REDIRECT_URI, ""))
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> builder.accessTokenLifetime(Duration.ZERO))
        .hasMessageContaining("accessTokenLifetime");
    assertThatThrownBy(() -> builder.journalLimit(0)).hasMessageContaining("journalLimit");
    assertThatThrownBy(() -> builder.serverThreads(2)).hasMessageContaining("serverThreads");
  }

  @Test
  void theClockMovesOnlyWhenToldAndSharesTimeAcrossZones() {
    try (FakeMicrosoft fake =
        FakeMicrosoft.builder().startTime(Instant.parse("2030-01-01T00:00:00Z")).start()) {
      assertThat(fake.clock().instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
      java.time.Clock paris = fake.clock().withZone(java.time.ZoneId.of("Europe/Paris"));
      assertThat(fake.advanceClock(Duration.ofMinutes(90)))
          .isEqualTo(Instant.parse("2030-01-01T01:30:00Z"));
      assertThat(paris.instant()).isEqualTo(fake.clock().instant());
      fake.reset();
      assertThat(fake.clock().instant())
          .as("reset never moves time back")
          .isEqualTo(Instant.parse("2030-01-01T01:30:00Z"));
    }
  }
}
