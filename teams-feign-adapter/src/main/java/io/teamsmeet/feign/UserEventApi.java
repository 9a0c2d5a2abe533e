package io.teamsmeet.feign;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.teamsmeet.CalendarEvent;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code /users/{user}/events} and {@code /users/{user}/calendar}, for application
 * tokens; the target URL ends in {@code /v1.0}. Every call asks for times in UTC ({@code Prefer:
 * outlook.timezone="UTC"}). The user and the ids are passed already percent-encoded as one path
 * segment each, as in {@link GraphApi}. Same headers as {@link EventApi}.
 */
interface UserEventApi {

  @RequestLine(value = "POST /users/{user}/events", decodeSlash = false)
  @Headers({"Content-Type: application/json", EventApi.PREFER_UTC})
  CalendarEvent create(
      @HeaderMap Map<String, Object> headers, @Param("user") String user, EventBodies.Create body);

  @RequestLine(value = "GET /users/{user}/events/{id}", decodeSlash = false)
  @Headers(EventApi.PREFER_UTC)
  CalendarEvent get(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId);

  @RequestLine(value = "PATCH /users/{user}/events/{id}", decodeSlash = false)
  @Headers({"Content-Type: application/json", EventApi.PREFER_UTC})
  CalendarEvent update(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId,
      EventBodies.Update body);

  @RequestLine(value = "POST /users/{user}/events/{id}/cancel", decodeSlash = false)
  @Headers("Content-Type: application/json")
  void cancel(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId,
      EventBodies.Cancel body);

  @RequestLine(value = "DELETE /users/{user}/events/{id}", decodeSlash = false)
  void delete(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId);

  /**
   * {@code allowedOnlineMeetingProviders} of the default calendar; {@link EventDecoder} reads it.
   */
  @RequestLine(
      value = "GET /users/{user}/calendar?$select=allowedOnlineMeetingProviders",
      decodeSlash = false)
  List<String> allowedProviders(@HeaderMap Map<String, Object> headers, @Param("user") String user);
}
