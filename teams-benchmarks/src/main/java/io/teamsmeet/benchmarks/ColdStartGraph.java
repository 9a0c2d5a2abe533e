package io.teamsmeet.benchmarks;

import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Cold start of the Microsoft Graph SDK 6 with a static token, run in a fresh JVM by {@link
 * ColdStart}: {@code new GraphServiceClient(authenticationProvider)}, base URL at the fake, one
 * {@code me().onlineMeetings().post(...)}. Args: fake base URL, bearer token.
 */
public final class ColdStartGraph {

  private ColdStartGraph() {}

  public static void main(String[] args) {
    GraphServiceClient graph = new GraphServiceClient(Peers.bearer(() -> args[1]));
    graph.getRequestAdapter().setBaseUrl(args[0] + "/v1.0");
    String joinUrl = Peers.createWithGraph(graph);
    System.out.println("OK " + joinUrl.length());
    System.out.flush();
    System.exit(0);
  }
}
