package io.teamsmeet.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.tokenstore.memory.InMemoryTokenStore;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The ready-made connect and callback endpoints, driven through Spring MVC against the fake. */
class TeamsEndpointsTest {

  private static final Principal ANA = () -> "app-user-ana";
  private static FakeMicrosoft fake;

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TeamsAutoConfiguration.class))
          .withBean(TokenStore.class, InMemoryTokenStore::new);

  @BeforeAll
  static void startFake() {
    fake = FakeMicrosoft.start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @AfterEach
  void resetFake() {
    fake.reset();
  }

  private WebApplicationContextRunner enabled() {
    return runner
        .withPropertyValues(FakeApp.properties(fake))
        .withPropertyValues("teams.web.enabled=true", "teams.web.success-url=/meetings");
  }

  private static MockHttpServletResponse get(
      WebApplicationContext context, String url, Principal user) throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
    var request = MockMvcRequestBuilders.get(URI.create(url));
    if (user != null) {
      request.principal(user);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void theSignedInUserConnectsThroughConnectAndCallback() {
    enabled()
        .run(
            context -> {
              MockHttpServletResponse connect = get(context, "/teams/connect", ANA);
              assertThat(connect.getStatus()).isEqualTo(302);
              URI authorize = URI.create(connect.getRedirectedUrl());
              assertThat(authorize.toString()).startsWith(fake.identityBaseUri().toString());

              URI callback = FakeApp.signIn(authorize); // http://localhost/callback?code=…&state=…
              MockHttpServletResponse done =
                  get(context, callback.getPath() + "?" + callback.getRawQuery(), ANA);
              assertThat(done.getStatus()).isEqualTo(302);
              assertThat(done.getRedirectedUrl()).isEqualTo("/meetings");
              assertThat(context.getBean(TeamsMeetings.class).status(ANA.getName()).state())
                  .isEqualTo(ConnectionStatus.State.CONNECTED);
            });
  }

  @Test
  void aDeclinedSignInRedirectsToTheFailureUrlWithItsReason() {
    enabled()
        .withPropertyValues("teams.web.failure-url=/settings?tab=teams")
        .run(
            context -> {
              fake.nextSignInDeclines();
              URI callback =
                  FakeApp.signIn(
                      URI.create(get(context, "/teams/connect", ANA).getRedirectedUrl()));
              MockHttpServletResponse done =
                  get(context, callback.getPath() + "?" + callback.getRawQuery(), ANA);
              assertThat(done.getRedirectedUrl())
                  .isEqualTo("/settings?tab=teams&teams-error=declined");
            });
  }

  @Test
  void aCallbackForAnotherUserIsRefused() {
    enabled()
        .run(
            context -> {
              URI callback =
                  FakeApp.signIn(
                      URI.create(get(context, "/teams/connect", ANA).getRedirectedUrl()));
              MockHttpServletResponse done =
                  get(
                      context,
                      callback.getPath() + "?" + callback.getRawQuery(),
                      () -> "app-user-mallory");
              assertThat(done.getRedirectedUrl()).isEqualTo("/?teams-error=invalid-response");
            });
  }

  @Test
  void nobodySignedInIsUnauthorized() {
    enabled()
        .run(
            context -> {
              assertThat(get(context, "/teams/connect", null).getStatus()).isEqualTo(401);
              assertThat(get(context, "/callback?code=x&state=y", null).getStatus()).isEqualTo(401);
            });
  }

  @Test
  void theApplicationDecidesWhoTheUserIs() {
    enabled()
        .withPropertyValues("teams.web.connect-path=/ms/connect")
        .withBean(
            TeamsUserIdResolver.class,
            () -> request -> Optional.ofNullable(request.getHeader("X-App-User")))
        .run(
            context -> {
              MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
              MockHttpServletResponse response =
                  mvc.perform(MockMvcRequestBuilders.get("/ms/connect").header("X-App-User", "u7"))
                      .andReturn()
                      .getResponse();
              assertThat(response.getStatus()).isEqualTo(302);
            });
  }

  @Test
  void offByDefault() {
    runner
        .withPropertyValues(FakeApp.properties(fake))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(TeamsUserIdResolver.class);
              assertThat(get(context, "/teams/connect", ANA).getStatus()).isEqualTo(404);
            });
  }
}
