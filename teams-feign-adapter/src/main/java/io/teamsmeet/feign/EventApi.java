package io.teamsmeet.feign;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.teamsmeet.CalendarEvent;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code /me/events} and {@code /me/calendar}; the target URL ends in {@code /v1.0}.
 * Every call asks for times in UTC ({@code Prefer: outlook.timezone="UTC"}). Ids are passed already
 * percent-encoded, as in {@link GraphApi}.
 */
interface EventApi {

  String PREFER_UTC_VALUE = "outlook.timezone=\"UTC\"";

  String PREFER_UTC = "Prefer: " + PREFER_UTC_VALUE;

  @RequestLine(value = "POST /me/events", decodeSlash = false)
  @Headers({"Content-Type: application/json", PREFER_UTC})
  CalendarEvent create(@HeaderMap Map<String, Object> headers, EventBodies.Create body);

  @RequestLine(value = "GET /me/events/{id}", decodeSlash = false)
  @Headers(PREFER_UTC)
  CalendarEvent get(@HeaderMap Map<String, Object> headers, @Param("id") String encodedId);

  @RequestLine(value = "PATCH /me/events/{id}", decodeSlash = false)
  @Headers({"Content-Type: application/json", PREFER_UTC})
  CalendarEvent update(
      @HeaderMap Map<String, Object> headers,
      @Param("id") String encodedId,
      EventBodies.Update body);

  @RequestLine(value = "POST /me/events/{id}/cancel", decodeSlash = false)
  @Headers("Content-Type: application/json")
  void cancel(
      @HeaderMap Map<String, Object> headers,
      @Param("id") String encodedId,
      EventBodies.Cancel body);

  @RequestLine(value = "DELETE /me/events/{id}", decodeSlash = false)
  void delete(@HeaderMap Map<String, Object> headers, @Param("id") String encodedId);

  /**
   * {@code allowedOnlineMeetingProviders} of the default calendar; {@link EventDecoder} reads it.
   */
  @RequestLine(
      value = "GET /me/calendar?$select=allowedOnlineMeetingProviders",
      decodeSlash = false)
  List<String> allowedProviders(@HeaderMap Map<String, Object> headers);
}
