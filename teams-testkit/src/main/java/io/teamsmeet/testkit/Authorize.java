package io.teamsmeet.testkit;

import static io.teamsmeet.testkit.AadErrors.appNotFound;
import static io.teamsmeet.testkit.AadErrors.missing;
import static io.teamsmeet.testkit.AadErrors.notConsented;
import static io.teamsmeet.testkit.AadErrors.redirectMismatch;

import io.teamsmeet.testkit.State.App;
import io.teamsmeet.testkit.State.Authorization;
import io.teamsmeet.testkit.State.Code;
import io.teamsmeet.testkit.State.Pending;
import io.teamsmeet.testkit.State.SignIn;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorize endpoint and its consent page's form post: checks the request, picks who signs in
 * (queued sign-ins, {@code login_hint}, the first account), and redirects back with a code or an
 * error in the request's response mode.
 */
final class Authorize {

  private final State state;
  private final AuthorizePages pages;

  Authorize(State state, Bases bases) {
    this.state = state;
    this.pages = new AuthorizePages(state, bases);
  }

  Reply authorize(Call call, String tenant) {
    if (!call.method.equals("GET") && !call.method.equals("POST")) {
      return pages.error(405, 900561, "The endpoint only accepts GET and POST requests.");
    }
    Map<String, List<String>> params = call.method.equals("GET") ? call.query : call.form();
    String clientId = first(params, "client_id");
    if (clientId == null) {
      return pages.error(400, 900144, missing("client_id"));
    }
    String redirectUri = first(params, "redirect_uri");
    String loginHint = first(params, "login_hint");
    String prompt = first(params, "prompt");
    synchronized (state) {
      App app = state.apps.get(clientId);
      if (app == null) {
        return pages.error(400, 700016, appNotFound(clientId, tenant));
      }
      if (redirectUri == null) {
        return pages.error(400, 900144, missing("redirect_uri"));
      }
      if (!app.accepts(redirectUri)) {
        return pages.error(400, 50011, redirectMismatch(redirectUri, clientId));
      }
      String mode = Optional.ofNullable(first(params, "response_mode")).orElse("query");
      if (!List.of("query", "fragment", "form_post").contains(mode)) {
        mode = "query";
      }
      Authorization auth =
          new Authorization(
              tenant,
              app,
              redirectUri,
              first(params, "state"),
              mode,
              first(params, "code_challenge"),
              Scopes.split(first(params, "scope")),
              first(params, "nonce"));
      String responseType = first(params, "response_type");
      if (responseType == null) {
        return redirectError(call, auth, "invalid_request", 900144, missing("response_type"));
      }
      if (!responseType.equals("code")) {
        return redirectError(
            call,
            auth,
            "unsupported_response_type",
            700054,
            "response_type '" + responseType + "' is not enabled for the application.");
      }
      if (auth.scopes.isEmpty()) {
        return redirectError(call, auth, "invalid_request", 900144, missing("scope"));
      }
      String method = first(params, "code_challenge_method");
      if (auth.codeChallenge == null || !"S256".equals(method)) {
        return redirectError(
            call,
            auth,
            "invalid_request",
            9002325,
            "Proof Key for Code Exchange is required. FakeMicrosoft requires code_challenge with"
                + " code_challenge_method=S256 from every client (stricter than Microsoft).");
      }
      if (!auth.codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
        return redirectError(
            call, auth, "invalid_request", 501491, "Invalid size of Code_Challenge parameter.");
      }

      SignIn next = state.nextSignIns.poll();
      if (next != null && next.kind == SignIn.Kind.DECLINE) {
        return redirectError(
            call, auth, "access_denied", 65004, "User declined to consent to access the app.");
      }
      if (next != null && next.kind == SignIn.Kind.ADMIN_CONSENT) {
        return redirectError(
            call, auth, "consent_required", 90094, "The grant requires admin permission.");
      }
      FakeAccount account =
          next != null
              ? next.account
              : state.account(loginHint).or(state::defaultAccount).orElse(null);
      if (account == null) {
        return pages.error(
            400,
            50034,
            "The user account does not exist in the directory. (FakeMicrosoft has no accounts:"
                + " add one with FakeMicrosoft.Builder.account.)");
      }
      boolean consented =
          state.consents.contains(State.consentKey(app.clientId, account.objectId()));
      if ("none".equals(prompt) && !consented) {
        return redirectError(call, auth, "consent_required", 65001, notConsented(app.clientId));
      }
      if (state.consentPage && !"none".equals(prompt)) {
        state.purgeExpired();
        String id = Wire.randomToken(24);
        state.pending.put(id, new Pending(id, auth, account));
        return pages.consent(id, auth, account);
      }
      return redirectWithCode(auth, account);
    }
  }

  /** The consent page's form post: {@code decision=accept|cancel}, {@code account}, {@code ctx}. */
  Reply consent(Call call) {
    if (!call.method.equals("POST")) {
      return pages.error(405, 900561, "The endpoint only accepts POST requests.");
    }
    String ctx = call.formParam("ctx").orElse("");
    synchronized (state) {
      Pending pending = state.pending.remove(ctx);
      if (pending == null) {
        return pages.error(
            400,
            9002313,
            "Invalid request. This sign-in request has expired or was already used; start again"
                + " from the application.");
      }
      Authorization auth = pending.authorization;
      if (!"accept".equals(call.formParam("decision").orElse(""))) {
        return redirectError(
            call, auth, "access_denied", 65004, "User declined to consent to access the app.");
      }
      FakeAccount account =
          state.account(call.formParam("account").orElse(null)).orElse(pending.suggested);
      return redirectWithCode(auth, account);
    }
  }

  private Reply redirectWithCode(Authorization auth, FakeAccount account) {
    state.purgeExpired();
    state.consents.add(State.consentKey(auth.app.clientId, account.objectId()));
    String code = "1.AXoA" + Wire.randomToken(120);
    state.codes.put(code, new Code(auth, account, state.now().plus(State.CODE_LIFETIME)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (auth.state != null) {
      params.put("state", auth.state);
    }
    params.put("session_state", Wire.guid());
    return redirect(auth, params);
  }

  private Reply redirectError(
      Call call, Authorization auth, String error, int code, String message) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put(
        "error_description",
        AadErrors.description(
            code, message, Wire.guid(), AadErrors.correlation(call), state.now()));
    params.put("error_uri", AadErrors.ERROR_URI + code);
    if (auth.state != null) {
      params.put("state", auth.state);
    }
    return redirect(auth, params);
  }

  private Reply redirect(Authorization auth, Map<String, String> params) {
    if (auth.responseMode.equals("form_post")) {
      return pages.formPost(auth, params);
    }
    String separator =
        auth.responseMode.equals("fragment") ? "#" : auth.redirectUri.contains("?") ? "&" : "?";
    String location = auth.redirectUri + separator + Wire.formEncode(params);
    return pages.withPageHeaders(new Reply(302)).header("Location", location);
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }
}
