package io.teamsmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The JUnit 5 extension: one fake per class, reset between tests, injected as a parameter. */
class ExtensionTest {

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticField {
    @RegisterExtension
    static final FakeMicrosoftExtension microsoft =
        new FakeMicrosoftExtension(
            FakeMicrosoft.builder().app("my-app", URI.create("https://app.example/cb")));

    static URI firstBase;

    @Test
    @Order(1)
    void theFakeRunsAndIsInjected(FakeMicrosoft fake) {
      assertThat(fake).isSameAs(microsoft.fake());
      firstBase = fake.identityBaseUri();
      fake.graph().throttleNext(5, RetryAfter.none());
      fake.issueAccessToken("ana@contoso.com");
      new Client(fake).app("my-app", "https://app.example/cb", null).signIn();
      assertThat(fake.journal().all()).isNotEmpty();
    }

    @Test
    @Order(2)
    void theSameFakeIsResetBeforeTheNextTest(FakeMicrosoft fake) {
      assertThat(fake.identityBaseUri()).isEqualTo(firstBase);
      assertThat(fake.graph().pending()).isZero();
      assertThat(fake.journal().all()).isEmpty();
    }
  }

  @ExtendWith(FakeMicrosoftExtension.class)
  static class ExtendWithDefaults {
    final FakeMicrosoft fromConstructor;

    ExtendWithDefaults(FakeMicrosoft fake) {
      this.fromConstructor = fake;
    }

    @Test
    void theDefaultFakeIsInjectedIntoConstructorAndMethod(FakeMicrosoft fake) {
      assertThat(fake).isSameAs(fromConstructor);
      assertThat(fake.account("ana@contoso.com")).isEqualTo(FakeMicrosoft.DEFAULT_ACCOUNT);
      assertThat(new Client(fake).signIn().has("access_token")).isTrue();
    }
  }

  static class InstanceField {
    @RegisterExtension final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension();

    static URI base;

    @Test
    void aFakeRunsForTheTest() {
      base = microsoft.fake().graphBaseUri();
      assertThat(new Client(microsoft.fake()).signIn().has("access_token")).isTrue();
    }
  }

  static void runs(Class<?> testClass, int tests) {
    EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(testClass))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }

  static boolean answers(URI base) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      return socket.isConnected();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void aStaticFieldRunsOneFakeForTheClassResetsItAndStopsItAfter() {
    runs(StaticField.class, 2);
    assertThat(StaticField.firstBase).isNotNull();
    assertThat(answers(StaticField.firstBase)).isFalse();
  }

  @Test
  void extendWithInjectsTheDefaultFake() {
    runs(ExtendWithDefaults.class, 1);
  }

  @Test
  void anInstanceFieldRunsAFakePerTest() {
    runs(InstanceField.class, 1);
    assertThat(answers(InstanceField.base)).isFalse();
  }

  @Test
  void outsideItsTestsTheExtensionHasNoFake() {
    FakeMicrosoftExtension extension = new FakeMicrosoftExtension();
    org.assertj.core.api.Assertions.assertThatThrownBy(extension::fake)
        .isInstanceOf(IllegalStateException.class);
  }
}
