package io.teamsmeet.it.example.guides;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.RetryPolicy;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

public class ProductionSettings implements AutoCloseable {

  private final ThreadPoolExecutor refreshes = new ThreadPoolExecutor(
      8, 8, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10_000),            // bounded: when full, a refresh-ahead is skipped
      new ThreadPoolExecutor.AbortPolicy());       // (the caller then refreshes in its own thread)
  private final TeamsMeetings teams;

  public ProductionSettings(DataSource dataSource, KeysetHandle keys) {
    refreshes.allowCoreThreadTimeOut(true);
    teams = TeamsMeetings.builder()
        .clientId("11111111-2222-3333-4444-555555555555")
        .clientSecret(System.getenv("TEAMS_CLIENT_SECRET"))
        .redirectUri(URI.create("https://app.example/ms/callback"))
        .tokenStore(JdbcTokenStore.create(dataSource))
        .tokenKeys(keys)
        .maximumCachedUsers(250_000)                 // >= users active within an hour
        .refreshExecutor(refreshes)                  // default: 2 threads of the SDK's own
        .connectTimeout(Duration.ofSeconds(5))       // default 10 s
        .requestTimeout(Duration.ofSeconds(10))      // default 15 s, one exchange to the last byte
        .callTimeout(Duration.ofSeconds(20))         // default 30 s, a whole call with its retries
        .retryPolicy(RetryPolicy.builder().maxTotalWait(Duration.ofSeconds(15)).build())
        .grantCheckInterval(Duration.ofSeconds(30))  // the default: how stale another instance may be
        .build();
  }

  public TeamsMeetings teams() {
    return teams;
  }

  @Override
  public void close() {                             // at shutdown, after the last request
    teams.close();                                  // releases waiters, frees the SDK's connections
    refreshes.shutdown();                           // yours: the SDK never shuts it down
  }
}
