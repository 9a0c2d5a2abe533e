package io.teamsmeet.cli;

/**
 * Work to do when the JVM shuts down before a command has finished (Ctrl-C, {@code kill}): the demo
 * removes its temporary database. Injected so that tests can stand in for Ctrl-C.
 */
@FunctionalInterface
interface ShutdownHooks {

  /**
   * Registers {@code hook} to run at shutdown.
   *
   * @return removes the hook again; does nothing once shutdown has begun (the hook then runs)
   */
  Runnable register(Runnable hook);

  /** The JVM's shutdown hooks. */
  static ShutdownHooks runtime() {
    return hook -> {
      Thread thread = new Thread(hook, "teams-shutdown");
      Runtime.getRuntime().addShutdownHook(thread);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
          // shutdown has begun: the hook runs (or ran) anyway
        }
      };
    };
  }
}
