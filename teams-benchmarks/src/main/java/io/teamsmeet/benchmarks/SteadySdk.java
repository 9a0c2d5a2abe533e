package io.teamsmeet.benchmarks;

/**
 * The SDK's steady state on the java.net.http transport in a JVM of its own, run by {@link
 * VariantComparison}: {@link SteadyClient} with kind {@code sdk-jdk}. Args: fake base URL,
 * directory with the grant, threads, warm-up meetings, rounds, meetings per round.
 */
public final class SteadySdk {

  private SteadySdk() {}

  public static void main(String[] args) throws Exception {
    SteadyClient.run("sdk-jdk", args);
  }
}
