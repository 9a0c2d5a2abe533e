package io.teamsmeet.benchmarks;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold start of MSAL4J + the Graph SDK, run in a fresh JVM by {@link ColdStart}: the user's MSAL
 * token cache is persisted (as a backend keeps it between restarts, loaded through an {@code
 * ITokenCacheAccessAspect}); its access token is within MSAL's 5-minute expiry margin, so {@code
 * acquireTokenSilently} redeems the refresh token (over HTTPS: MSAL refuses a plain-HTTP authority)
 * before the Graph SDK creates the meeting. Args: fake base URL, HTTPS authority, trust store,
 * cache file.
 */
public final class ColdStartMsalGraph {

  private ColdStartMsalGraph() {}

  public static void main(String[] args) throws Exception {
    String cache = Files.readString(Path.of(args[3]));
    ITokenCacheAccessAspect persisted =
        new ITokenCacheAccessAspect() {
          private boolean loaded;

          @Override
          public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
            if (!loaded) {
              context.tokenCache().deserialize(cache);
              loaded = true;
            }
          }

          @Override
          public void afterCacheAccess(ITokenCacheAccessContext context) {}
        };
    ConfidentialClientApplication app =
        Msal.msal(args[1], Peers.clientTls(Path.of(args[2])).getSocketFactory())
            .setTokenCacheAccessAspect(persisted)
            .build();
    IAccount account = app.getAccounts().get().iterator().next();
    GraphServiceClient graph =
        new GraphServiceClient(
            Peers.bearer(
                () -> {
                  try {
                    return app.acquireTokenSilently(
                            SilentParameters.builder(Peers.SCOPES, account).build())
                        .get()
                        .accessToken();
                  } catch (Exception e) {
                    throw new IllegalStateException("acquireTokenSilently failed", e);
                  }
                }));
    graph.getRequestAdapter().setBaseUrl(args[0] + "/v1.0");
    String joinUrl = Peers.createWithGraph(graph);
    System.out.println("OK " + joinUrl.length());
    System.out.flush();
    System.exit(0);
  }
}
