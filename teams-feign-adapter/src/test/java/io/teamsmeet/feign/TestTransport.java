package io.teamsmeet.feign;

import java.net.http.HttpClient;
import java.time.Duration;

/** The transports the adapter suite runs on; see {@link OnEachTransport}. */
enum TestTransport {
  JDK {
    @Override
    Transport sdkBuilt() {
      return Transport.jdk();
    }

    @Override
    Transport own() {
      return Transport.jdk(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build());
    }
  },

  OKHTTP {
    @Override
    Transport sdkBuilt() {
      return Transport.okHttp();
    }

    @Override
    Transport own() {
      return OkHttpTransport.of(new okhttp3.OkHttpClient());
    }
  };

  /** The transport with a client the SDK builds, as a user chooses it. */
  abstract Transport sdkBuilt();

  /** The transport with a plain client "of the user's own". */
  abstract Transport own();
}
