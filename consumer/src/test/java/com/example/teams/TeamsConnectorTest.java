package com.example.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.teamsmeet.Connection;
import io.teamsmeet.Meeting;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.testkit.FakeAccount;
import io.teamsmeet.testkit.FakeMicrosoft;
import io.teamsmeet.testkit.FakeMicrosoftExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** README's quick start, run as written against the testkit's fake Microsoft and an H2 database. */
class TeamsConnectorTest {

  @RegisterExtension
  static final FakeMicrosoftExtension microsoft =
      new FakeMicrosoftExtension(
          FakeMicrosoft.builder()
              .app(
                  "11111111-2222-3333-4444-555555555555",
                  URI.create("https://app.example/ms/callback"),
                  System.getenv("TEAMS_CLIENT_SECRET"))
              .account(FakeAccount.of("ana@contoso.com", "Ana Souza")));

  @Test
  void connectsAndCreatesTheDesignReview(FakeMicrosoft fake) throws Exception {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1");
    createTheTokenTable(database);
    AeadConfig.register();
    KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);

    try (TeamsConnector connector =
        new TeamsConnector(
            TeamsMeetings.builder()
                .identityEndpoint(fake.identityBaseUri())
                .graphEndpoint(fake.graphBaseUri())
                .clock(fake.clock()),
            database,
            keys)) {
      URI authorize = connector.connect("user-1");
      Connection connection = connector.callback("user-1", followToCallback(authorize));
      assertThat(connection.accountName()).contains("ana@contoso.com");

      Meeting meeting = connector.designReview("user-1");

      assertThat(meeting.subject()).contains("Design review");
      assertThat(meeting.joinUrl()).isNotNull();
      assertThat(fake.meetings("ana@contoso.com")).containsExactly(meeting);
    }
  }

  /** The user's browser: follows the authorize URL; the fake consents and redirects back. */
  private static URI followToCallback(URI authorize) throws Exception {
    HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<Void> redirect =
        browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());
    return URI.create(redirect.headers().firstValue("Location").orElseThrow());
  }

  /** What the application's migrations do, with the schema script shipped in the JDBC store. */
  private static void createTheTokenTable(JdbcDataSource database) throws Exception {
    String schema;
    try (InputStream in =
        TeamsConnectorTest.class.getResourceAsStream(
            "/io/teamsmeet/tokenstore/jdbc/schema-h2.sql")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (java.sql.Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(schema);
    }
  }
}
