package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;

/**
 * The identity platform v2.0: its endpoints ({@link Authorize} with its consent page, {@link
 * TokenEndpoint}), the tokens they issue ({@link TokenIssuer}), and the OpenID metadata document.
 */
final class Identity {

  private static final String JSON = "application/json; charset=utf-8";

  private final State state;
  private final Bases bases;
  private final ObjectMapper mapper;
  private final Authorize authorize;
  private final TokenIssuer issuer;
  private final TokenEndpoint token;

  Identity(State state, Bases bases, ObjectMapper mapper) {
    this.state = state;
    this.bases = bases;
    this.mapper = mapper;
    this.authorize = new Authorize(state, bases);
    this.issuer = new TokenIssuer(state, bases, mapper);
    this.token = new TokenEndpoint(state, mapper, issuer);
  }

  Reply authorize(Call call, String tenant) {
    return authorize.authorize(call, tenant);
  }

  /** The consent page's form post. */
  Reply consent(Call call) {
    return authorize.consent(call);
  }

  Reply token(Call call, String tenant) {
    return token.token(call, tenant);
  }

  /** Token endpoint answers for faults, from the engine. */
  Reply fault(Call call, int status, String error, int code, String message) {
    return new TokenAnswer(state, mapper, call).reply(status, error, code, message);
  }

  /** Issues tokens, also directly for {@link FakeMicrosoft}'s shortcuts. */
  TokenIssuer issuer() {
    return issuer;
  }

  Reply openidConfiguration(String tenant) {
    String base = bases.identity() + "/" + tenant;
    ObjectNode body = mapper.createObjectNode();
    body.put("token_endpoint", base + "/oauth2/v2.0/token");
    ArrayNode auth = body.putArray("token_endpoint_auth_methods_supported");
    auth.add("client_secret_post").add("private_key_jwt").add("client_secret_basic");
    body.put("jwks_uri", base + "/discovery/v2.0/keys");
    body.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    body.putArray("subject_types_supported").add("pairwise");
    body.putArray("id_token_signing_alg_values_supported").add("RS256");
    body.putArray("response_types_supported").add("code");
    body.putArray("scopes_supported")
        .add("openid")
        .add("profile")
        .add("email")
        .add("offline_access");
    body.put("issuer", bases.identity() + "/{tenantid}/v2.0");
    body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    body.putArray("code_challenge_methods_supported").add("S256");
    return Reply.of(200, JSON, body.toString()).header("Date", Wire.httpDate(state.now()));
  }
}
