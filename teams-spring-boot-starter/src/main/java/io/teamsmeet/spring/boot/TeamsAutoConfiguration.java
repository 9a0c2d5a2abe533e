package io.teamsmeet.spring.boot;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsmeet.TeamsListener;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.feign.Transport;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.tokenstore.jdbc.JdbcTokenStore;
import java.security.Principal;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configures {@link TeamsMeetings} from the {@code teams.*} properties ({@link
 * TeamsProperties}), on Spring Boot 4.0 and 3.5:
 *
 * <ul>
 *   <li>the token store: a {@link JdbcTokenStore} on the application's single {@link DataSource},
 *       unless a {@link TokenStore} bean is declared;
 *   <li>the keys: an {@link Aead} bean (a KMS, for instance), else a {@link KeysetHandle} bean,
 *       else {@code teams.keys.keyset} or {@code teams.keys.keyset-resource};
 *   <li>every {@link TeamsListener} bean is registered, and with Micrometer a {@link
 *       MicrometerTeamsListener}; {@link TeamsMeetingsCustomizer} beans adjust the builder;
 *   <li>with {@code teams.web.enabled=true} in a servlet web application: the connect and callback
 *       endpoints, finding the user with the {@link TeamsUserIdResolver} bean;
 *   <li>with Spring Boot's health support: the health indicator {@code teams}.
 * </ul>
 *
 * <p>Each bean is replaced by declaring one of the same type; the {@link TeamsMeetings} bean is
 * closed with the context. Thread-safe.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
    })
@EnableConfigurationProperties(TeamsProperties.class)
public class TeamsAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does. */
  public TeamsAutoConfiguration() {}

  /**
   * The SDK, built from the properties, the store, the keys, the listeners and the customizers.
   *
   * @throws IllegalStateException naming what is missing: the store, the keys, or a required
   *     property
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  TeamsMeetings teamsMeetings(
      TeamsProperties properties,
      ObjectProvider<TokenStore> stores,
      ObjectProvider<Aead> aeads,
      ObjectProvider<KeysetHandle> keysets,
      ObjectProvider<TeamsListener> listeners,
      ObjectProvider<TeamsMeetingsCustomizer> customizers) {
    TokenStore store = stores.getIfUnique();
    if (store == null && stores.stream().findAny().isPresent()) {
      throw new IllegalStateException(
          "teams-spring-boot-starter found several TokenStore beans: mark the one to use"
              + " @Primary");
    }
    if (store == null) {
      throw new IllegalStateException(
          "teams-spring-boot-starter needs a token store: give the application a DataSource"
              + " (for example spring-boot-starter-jdbc with a database) for the JdbcTokenStore,"
              + " or declare a bean of type io.teamsmeet.store.TokenStore");
    }
    TeamsMeetings.Builder builder = TeamsMeetings.builder().tokenStore(store);
    Aead aead = aeads.getIfUnique();
    KeysetHandle keyset = aead == null ? keysets.getIfUnique() : null;
    if (aead == null && keyset == null) {
      keyset = Credentials.keyset(properties.keys());
    }
    if (aead != null) {
      builder.tokenKeys(aead);
    } else if (keyset != null) {
      builder.tokenKeys(keyset);
    } else {
      throw new IllegalStateException(
          "teams-spring-boot-starter needs the keys that seal tokens: set teams.keys.keyset or"
              + " teams.keys.keyset-resource, or declare an Aead or KeysetHandle bean");
    }
    apply(properties, builder);
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  private static void apply(TeamsProperties p, TeamsMeetings.Builder builder) {
    if (p.clientId() == null) {
      throw new IllegalStateException("teams.client-id is required (the app registration's id)");
    }
    if (p.redirectUri() == null) {
      throw new IllegalStateException("teams.redirect-uri is required");
    }
    builder
        .clientId(p.clientId())
        .redirectUri(p.redirectUri())
        .tenant(p.tenant())
        .cloud(p.cloud())
        .scopes(p.scopes())
        .connectTimeout(p.connectTimeout())
        .requestTimeout(p.requestTimeout())
        .callTimeout(p.callTimeout())
        .transport(
            p.transport() == TeamsProperties.HttpTransport.OKHTTP
                ? Transport.okHttp()
                : Transport.jdk());
    if (p.clientSecret() != null) {
      builder.clientSecret(p.clientSecret());
    } else if (p.certificate().isConfigured()) {
      builder.certificate(
          Credentials.privateKey(p.certificate().privateKey()),
          Credentials.certificate(p.certificate().certificate()));
    }
    if (p.identityEndpoint() != null) {
      builder.identityEndpoint(p.identityEndpoint());
    }
    if (p.graphEndpoint() != null) {
      builder.graphEndpoint(p.graphEndpoint());
    }
  }

  /** A JdbcTokenStore on the application's DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnSingleCandidate(DataSource.class)
  static class JdbcStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    JdbcTokenStore teamsTokenStore(DataSource dataSource, TeamsProperties properties) {
      return JdbcTokenStore.builder(dataSource)
          .tableName(properties.store().tableName())
          .createTableIfMissing(properties.store().createTableIfMissing())
          .build();
    }
  }

  /** Micrometer meters from the listener events. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerTeamsListener teamsMetricsListener(ObjectProvider<MeterRegistry> registries) {
      return new MicrometerTeamsListener(registries::getIfUnique);
    }
  }

  /** The connect and callback endpoints. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(RouterFunction.class)
  @ConditionalOnProperty(prefix = "teams.web", name = "enabled", havingValue = "true")
  static class WebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TeamsUserIdResolver teamsUserIdResolver() {
      return request -> Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
    }

    @Bean
    RouterFunction<ServerResponse> teamsRoutes(
        TeamsMeetings teams, TeamsUserIdResolver users, TeamsProperties properties) {
      String callbackPath = properties.web().callbackPath();
      if (callbackPath == null) {
        callbackPath = properties.redirectUri() == null ? null : properties.redirectUri().getPath();
      }
      if (callbackPath == null || callbackPath.isEmpty()) {
        throw new IllegalStateException(
            "teams.web.callback-path is needed: teams.redirect-uri has no path");
      }
      return new TeamsEndpoints(teams, users, properties.web()).routes(callbackPath);
    }
  }

  /** The health indicator on Spring Boot 4. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.teams",
      name = "enabled",
      matchIfMissing = true)
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "teamsHealthIndicator")
    TeamsHealthIndicator teamsHealthIndicator(ObjectProvider<TokenStore> store) {
      return new TeamsHealthIndicator(new TeamsHealthCheck(store::getIfUnique));
    }
  }

  /** The health indicator on Spring Boot 3. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(
      prefix = "management.health.teams",
      name = "enabled",
      matchIfMissing = true)
  static class Boot3HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "teamsHealthIndicator")
    TeamsBoot3HealthIndicator teamsHealthIndicator(ObjectProvider<TokenStore> store) {
      return new TeamsBoot3HealthIndicator(new TeamsHealthCheck(store::getIfUnique));
    }
  }
}
