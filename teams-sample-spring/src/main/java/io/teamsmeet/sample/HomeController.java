package io.teamsmeet.sample;

import io.teamsmeet.ConnectionStatus;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsException;
import io.teamsmeet.TeamsMeetings;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sample's pages, as plain HTML: the home page (connect, or create a meeting and disconnect)
 * and the created meeting. The connect and callback endpoints are the starter's ({@code
 * teams.web.enabled=true}).
 */
@Controller
class HomeController {

  private final TeamsMeetings teams;

  HomeController(TeamsMeetings teams) {
    this.teams = teams;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String home(
      Principal user,
      HttpServletRequest request,
      @RequestParam(name = "teams-error", required = false) String error) {
    ConnectionStatus status = teams.status(user.getName());
    StringBuilder body = new StringBuilder();
    body.append("<p>Signed in as <b id=\"app-user\">")
        .append(esc(user.getName()))
        .append("</b></p>");
    if (error != null) {
      body.append("<p id=\"error\">Connecting did not complete: ")
          .append(esc(error))
          .append("</p>");
    }
    if (status.state() == ConnectionStatus.State.CONNECTED) {
      String account =
          status.connection().flatMap(c -> c.accountName()).orElse("a Microsoft account");
      body.append("<p id=\"status\">Connected: <b>")
          .append(esc(account))
          .append("</b></p>")
          .append(form(request, "/meetings", "create"))
          .append("<label>Subject <input id=\"subject\" name=\"subject\" value=\"Design review\">")
          .append("</label> <button id=\"create\" type=\"submit\">Create a Teams meeting</button>")
          .append("</form>")
          .append(form(request, "/disconnect", "disconnect"))
          .append("<button id=\"disconnect\" type=\"submit\">Disconnect</button></form>");
    } else {
      body.append("<p id=\"status\">No Microsoft account connected.</p>")
          .append("<p><a id=\"connect\" href=\"/teams/connect\">Connect Microsoft account</a></p>");
    }
    return page("Teams meetings", body.toString());
  }

  @PostMapping(value = "/meetings", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String create(Principal user, @RequestParam String subject) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    try {
      Meeting meeting =
          teams
              .meetings()
              .create(user.getName(), MeetingRequest.of(subject, start, Duration.ofMinutes(30)));
      String join = meeting.joinUrl().toString();
      return page(
          "Meeting created",
          "<p>Created <b id=\"meeting-subject\">"
              + esc(meeting.subject().orElse(subject))
              + "</b> at "
              + esc(meeting.start().map(Instant::toString).orElse("?"))
              + ".</p><p>Join link: <a id=\"join-url\" href=\""
              + esc(join)
              + "\">"
              + esc(join)
              + "</a></p>"
              + meeting.joinMeetingId().map(id -> "<p>Meeting id: " + esc(id) + "</p>").orElse("")
              + meeting.passcode().map(p -> "<p>Passcode: " + esc(p) + "</p>").orElse("")
              + "<p><a id=\"home\" href=\"/\">Back</a></p>");
    } catch (ReauthorizationRequiredException e) {
      return page(
          "Reconnect",
          "<p id=\"error\">Please connect your Microsoft account again.</p>"
              + "<p><a id=\"connect\" href=\"/teams/connect\">Connect Microsoft account</a></p>");
    } catch (TeamsException e) {
      return page(
          "Not created",
          "<p id=\"error\">The meeting was not created: "
              + esc(e.getClass().getSimpleName())
              + "</p><p><a id=\"home\" href=\"/\">Back</a></p>");
    }
  }

  @PostMapping("/disconnect")
  String disconnect(Principal user) {
    teams.disconnect(user.getName());
    return "redirect:/";
  }

  private static String form(HttpServletRequest request, String action, String id) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return "<form id=\""
        + id
        + "-form\" method=\"POST\" action=\""
        + action
        + "\">"
        + (csrf == null
            ? ""
            : "<input type=\"hidden\" name=\""
                + esc(csrf.getParameterName())
                + "\" value=\""
                + esc(csrf.getToken())
                + "\">");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>body{font-family:sans-serif;margin:2em;max-width:48em}"
        + "button,a{font-size:1em}</style></head><body><h1>"
        + esc(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
