package io.teamsmeet.testkit;

import io.teamsmeet.testkit.State.Authorization;
import io.teamsmeet.testkit.Wire.Reply;
import java.util.Map;

/**
 * The HTML the authorize endpoint answers with: the consent page (account picker, Accept and
 * Cancel), the error page for a request it cannot redirect, and the self-posting form of {@code
 * response_mode=form_post}; all with the identity platform's no-cache headers.
 */
final class AuthorizePages {

  private static final String HTML = "text/html; charset=utf-8";

  private final State state;
  private final Bases bases;

  AuthorizePages(State state, Bases bases) {
    this.state = state;
    this.bases = bases;
  }

  /** A page that posts {@code params} to the redirect URI at once ({@code form_post}). */
  Reply formPost(Authorization auth, Map<String, String> params) {
    StringBuilder inputs = new StringBuilder();
    params.forEach(
        (name, value) ->
            inputs
                .append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    String page =
        "<!DOCTYPE html><html><head><title>Working...</title></head>"
            + "<body onload=\"document.forms[0].submit()\">"
            + "<form method=\"POST\" name=\"hiddenform\" action=\""
            + escape(auth.redirectUri)
            + "\">"
            + inputs
            + "<noscript><p>Script is disabled. Click Submit to continue.</p>"
            + "<input type=\"submit\" value=\"Submit\"></noscript></form></body></html>";
    return withPageHeaders(Reply.of(200, HTML, page));
  }

  /** The consent page of the pending request {@code id}, {@code suggested} preselected. */
  Reply consent(String id, Authorization auth, FakeAccount suggested) {
    StringBuilder options = new StringBuilder();
    for (FakeAccount account : state.accounts.values()) {
      options
          .append("<option value=\"")
          .append(escape(account.userPrincipalName()))
          .append('"')
          .append(account == suggested ? " selected" : "")
          .append('>')
          .append(escape(account.displayName()))
          .append(" (")
          .append(escape(account.userPrincipalName()))
          .append(")</option>");
    }
    StringBuilder scopes = new StringBuilder();
    for (String scope : auth.scopes) {
      scopes.append("<li>").append(escape(scope)).append("</li>");
    }
    String action =
        bases.identityPath() + "/" + Wire.formEncode(auth.tenant) + "/oauth2/v2.0/consent";
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Permissions requested - FakeMicrosoft</title></head><body>"
            + "<h1>Permissions requested</h1>"
            + "<p>The application <b id=\"client-id\">"
            + escape(auth.app.clientId)
            + "</b> wants to:</p><ul id=\"scopes\">"
            + scopes
            + "</ul><form id=\"consent\" method=\"POST\" action=\""
            + escape(action)
            + "\"><input type=\"hidden\" name=\"ctx\" value=\""
            + escape(id)
            + "\"><p><label for=\"account\">Signed in as</label> "
            + "<select id=\"account\" name=\"account\">"
            + options
            + "</select></p>"
            + "<button id=\"accept\" type=\"submit\" name=\"decision\" value=\"accept\">Accept"
            + "</button> <button id=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">"
            + "Cancel</button></form>"
            + "<p><small>A local fake of the Microsoft identity platform for tests"
            + " (io.teamsmeet.testkit.FakeMicrosoft).</small></p></body></html>";
    return withPageHeaders(Reply.of(200, HTML, page));
  }

  /** The error page for a request that cannot be redirected: {@code AADSTS{code}: {message}}. */
  Reply error(int status, int code, String message) {
    String text = "AADSTS" + code + ": " + message;
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Sign in to your account - FakeMicrosoft</title></head><body>"
            + "<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">"
            + escape(text)
            + "</p></body></html>";
    return withPageHeaders(Reply.of(status, HTML, page));
  }

  Reply withPageHeaders(Reply reply) {
    return reply
        .header("Cache-Control", "no-store, no-cache")
        .header("Pragma", "no-cache")
        .header("Date", Wire.httpDate(state.now()));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
