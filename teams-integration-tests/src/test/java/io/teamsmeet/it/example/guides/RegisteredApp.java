package io.teamsmeet.it.example.guides;

import com.google.crypto.tink.KeysetHandle;
import io.teamsmeet.MicrosoftCloud;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.TokenStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

public class RegisteredApp {

  // Multitenant registration ("Accounts in any organizational directory"), client secret
  static TeamsMeetings withSecret(TokenStore store, KeysetHandle keys) {
    return TeamsMeetings.builder()
        .clientId("11111111-2222-3333-4444-555555555555")          // Overview: Application (client) ID
        .clientSecret(System.getenv("TEAMS_CLIENT_SECRET"))         // the secret's Value, not its Secret ID
        .redirectUri(URI.create("https://app.example/ms/callback")) // exactly as registered under "Web"
        .tenant("organizations")                                    // the default: any work or school tenant
        .tokenStore(store)
        .tokenKeys(keys)
        .build();
  }

  // Single-tenant registration in Azure Government, certificate from a PKCS#12 file
  static TeamsMeetings withCertificate(TokenStore store, KeysetHandle keys, Path p12, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      keyStore.load(in, password);
    }
    String alias = keyStore.aliases().nextElement();
    return TeamsMeetings.builder()
        .clientId("11111111-2222-3333-4444-555555555555")
        .certificate((PrivateKey) keyStore.getKey(alias, password),        // RSA; signs each token request
            (X509Certificate) keyStore.getCertificate(alias))              // its public part is uploaded
        .redirectUri(URI.create("https://app.example/ms/callback"))
        .tenant("aaaabbbb-0000-cccc-1111-dddd2222eeee")              // Overview: Directory (tenant) ID
        .cloud(MicrosoftCloud.US_GOV)                                // registered at portal.azure.us
        .tokenStore(store)
        .tokenKeys(keys)
        .build();
  }
}
