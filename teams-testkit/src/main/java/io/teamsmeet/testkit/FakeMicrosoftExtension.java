package io.teamsmeet.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link FakeMicrosoft} for a test class: started before the first
 * test, {@linkplain FakeMicrosoft#reset() reset} before each test, stopped after the last. Tests
 * get it from the field or as a parameter of type {@link FakeMicrosoft} (test methods,
 * constructors, lifecycle methods).
 *
 * <pre>{@code
 * class MyIntegrationTest {
 *   @RegisterExtension
 *   static final FakeMicrosoftExtension microsoft = new FakeMicrosoftExtension(
 *       FakeMicrosoft.builder().app("my-client-id", URI.create("http://localhost/callback")));
 *
 *   @Test
 *   void throttlingIsRetried(FakeMicrosoft fake) {
 *     fake.graph().throttleNext(1, RetryAfter.seconds(1));
 *     URI identity = fake.identityBaseUri();   // give these to the SDK under test
 *     URI graph = fake.graphBaseUri();
 *     // ...
 *   }
 * }
 *
 * @ExtendWith(FakeMicrosoftExtension.class)     // the defaults, injected as a parameter
 * class MyOtherTest {
 *   @Test
 *   void works(FakeMicrosoft fake) { ... }
 * }
 * }</pre>
 *
 * <p>Registered on a non-static field, it starts a fake before each test and stops it after. State
 * carried between tests (codes, tokens, meetings, faults, the journal) is always cleared before
 * each test; the clock is not moved back. The fake is shared by all tests of the class, so run them
 * in one thread (JUnit's default), or give each parallel class its own extension.
 *
 * <p>Thread-safe: its callbacks and {@link #fake()} are synchronized, and the fake itself is
 * thread-safe.
 */
public final class FakeMicrosoftExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final FakeMicrosoft.Builder builder;
  private FakeMicrosoft fake;
  private String owner;
  private boolean perTest;

  /** An extension whose fake has the defaults of {@link FakeMicrosoft#start()}. */
  public FakeMicrosoftExtension() {
    this(FakeMicrosoft.builder());
  }

  /**
   * An extension whose fake is built by {@code builder} (started when the tests start).
   *
   * @param builder the configuration
   */
  public FakeMicrosoftExtension(FakeMicrosoft.Builder builder) {
    if (builder == null) {
      throw new IllegalArgumentException("builder must not be null");
    }
    this.builder = builder;
  }

  /**
   * The running fake.
   *
   * @return the fake
   * @throws IllegalStateException outside the tests of the class
   */
  public synchronized FakeMicrosoft fake() {
    if (fake == null) {
      throw new IllegalStateException("the fake runs only while the tests of its class run");
    }
    return fake;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (fake == null) {
      fake = builder.start();
      owner = context.getUniqueId();
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (fake == null) {
      fake = builder.start();
      owner = context.getUniqueId();
      perTest = true;
    } else {
      fake.reset();
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (perTest && context.getUniqueId().equals(owner)) {
      stop();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (!perTest && context.getUniqueId().equals(owner)) {
      stop();
    }
  }

  private void stop() {
    try {
      fake.close();
    } finally {
      fake = null;
      owner = null;
      perTest = false;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeMicrosoft.class;
  }

  @Override
  public synchronized Object resolveParameter(
      ParameterContext parameter, ExtensionContext context) {
    if (fake == null) {
      throw new ParameterResolutionException("FakeMicrosoft is not running here");
    }
    return fake;
  }
}
