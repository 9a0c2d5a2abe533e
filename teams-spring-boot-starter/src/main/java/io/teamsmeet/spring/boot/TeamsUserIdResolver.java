package io.teamsmeet.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * How the ready-made endpoints find the application user a request comes from: the id the
 * application passes to {@code TeamsMeetings} for that user. The default bean takes the name of the
 * request's principal ({@code request.getUserPrincipal()}, which Spring Security and servlet
 * containers fill); declare a bean of this type to use anything else (a database id, a tenant
 * prefix). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TeamsUserIdResolver {

  /**
   * The application user of this request.
   *
   * @param request the request to the connect or callback endpoint
   * @return the user's id, or empty when nobody is signed in (the endpoint answers 401)
   */
  Optional<String> currentUserId(HttpServletRequest request);
}
