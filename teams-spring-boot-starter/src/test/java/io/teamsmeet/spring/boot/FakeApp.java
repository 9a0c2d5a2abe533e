package io.teamsmeet.spring.boot;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.testkit.FakeMicrosoft;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The pieces the starter's tests put together: keys, a database, the fake's properties. */
final class FakeApp {

  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private FakeApp() {}

  static KeysetHandle newKeyset() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(KeysetHandle keys) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The properties of an application pointed at the fake, with a fresh keyset. */
  static String[] properties(FakeMicrosoft fake) {
    return new String[] {
      "teams.client-id=" + FakeMicrosoft.DEFAULT_CLIENT_ID,
      "teams.redirect-uri=" + FakeMicrosoft.DEFAULT_REDIRECT_URI,
      "teams.identity-endpoint=" + fake.identityBaseUri(),
      "teams.graph-endpoint=" + fake.graphBaseUri(),
      "teams.keys.keyset=" + json(newKeyset()),
      "teams.store.create-table-if-missing=true"
    };
  }

  /** A fresh in-memory H2 database. */
  static DataSource database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** What a browser does at the fake: follows the authorize URL to the callback URL. */
  static URI signIn(URI authorizeUrl) {
    try {
      HttpResponse<Void> response =
          BROWSER.send(
              HttpRequest.newBuilder(authorizeUrl).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return URI.create(response.headers().firstValue("Location").orElseThrow());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
