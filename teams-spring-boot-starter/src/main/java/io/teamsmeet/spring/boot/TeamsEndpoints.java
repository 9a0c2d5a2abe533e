package io.teamsmeet.spring.boot;

import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.AuthorizationException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The ready-made connect and callback endpoints, as Spring MVC functional routes. The connect
 * endpoint redirects the signed-in user to Microsoft; the callback completes the connection and
 * redirects to the success or failure URL. Thread-safe.
 */
final class TeamsEndpoints {

  private final TeamsMeetings teams;
  private final TeamsUserIdResolver users;
  private final TeamsProperties.Web web;

  TeamsEndpoints(TeamsMeetings teams, TeamsUserIdResolver users, TeamsProperties.Web web) {
    this.teams = teams;
    this.users = users;
    this.web = web;
  }

  RouterFunction<ServerResponse> routes(String callbackPath) {
    return RouterFunctions.route()
        .GET(web.connectPath(), this::connect)
        .GET(callbackPath, this::callback)
        .build();
  }

  private ServerResponse connect(ServerRequest request) {
    Optional<String> user = users.currentUserId(request.servletRequest());
    if (user.isEmpty()) {
      return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
    }
    return ServerResponse.status(HttpStatus.FOUND).location(teams.beginConnect(user.get())).build();
  }

  private ServerResponse callback(ServerRequest request) {
    Optional<String> user = users.currentUserId(request.servletRequest());
    if (user.isEmpty()) {
      return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : request.params().entrySet()) {
      if (p.getValue().size() == 1) { // a repeated parameter is left out, and so refused
        parameters.put(p.getKey(), p.getValue().get(0));
      }
    }
    String error;
    try {
      teams.completeConnect(user.get(), parameters);
      return redirect(web.successUrl());
    } catch (AuthorizationDeniedException e) {
      error =
          e.isUserDeclined()
              ? "declined"
              : e.isAdminConsentRequired() ? "admin-consent-required" : "denied";
    } catch (AuthorizationException e) {
      error = "invalid-response";
    } catch (ReauthorizationRequiredException e) {
      error = "code-rejected";
    } catch (TeamsServiceException e) {
      error = "unavailable";
    }
    String url = web.failureUrl();
    return redirect(url + (url.contains("?") ? "&" : "?") + "teams-error=" + error);
  }

  private static ServerResponse redirect(String url) {
    return ServerResponse.status(HttpStatus.FOUND).location(URI.create(url)).build();
  }
}
