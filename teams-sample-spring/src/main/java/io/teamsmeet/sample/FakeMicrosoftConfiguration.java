package io.teamsmeet.sample;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.spring.boot.TeamsMeetingsCustomizer;
import io.teamsmeet.spring.boot.TeamsProperties;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import java.security.GeneralSecurityException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The testkit's fake Microsoft, started with the application (sample.fake-microsoft=true): it knows
 * the app's client id and redirect URI, shows a consent page, and has one account. The SDK is
 * pointed at it by a {@link TeamsMeetingsCustomizer}, and seals with a fresh keyset (a {@link
 * KeysetHandle} bean: with real Microsoft, set teams.keys.keyset instead).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.fake-microsoft", havingValue = "true", matchIfMissing = true)
class FakeMicrosoftConfiguration {

  static final FakeAccount ACCOUNT = FakeAccount.of("ana@contoso.com", "Ana Souza");

  @Bean(destroyMethod = "close")
  FakeMicrosoft fakeMicrosoft(TeamsProperties teams) {
    return FakeMicrosoft.builder()
        .app(teams.clientId(), teams.redirectUri())
        .account(ACCOUNT)
        .consentPage(true)
        .start();
  }

  @Bean
  TeamsMeetingsCustomizer onTheFake(FakeMicrosoft fake) {
    return builder ->
        builder
            .identityEndpoint(fake.identityBaseUri())
            .graphEndpoint(fake.graphBaseUri())
            .clock(fake.clock());
  }

  @Bean
  KeysetHandle sampleKeys() throws GeneralSecurityException {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
  }
}
