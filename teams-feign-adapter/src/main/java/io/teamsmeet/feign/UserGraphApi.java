package io.teamsmeet.feign;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.teamsmeet.Meeting;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code /users/{user}/onlineMeetings}, for application tokens; the target URL ends in
 * {@code /v1.0}. The user and the id are passed already percent-encoded as one path segment each,
 * as in {@link GraphApi}.
 */
interface UserGraphApi {

  @RequestLine(value = "POST /users/{user}/onlineMeetings", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting create(
      @HeaderMap Map<String, Object> headers, @Param("user") String user, GraphBodies.Create body);

  @RequestLine(value = "POST /users/{user}/onlineMeetings/createOrGet", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting createOrGet(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      GraphBodies.CreateOrGet body);

  @RequestLine(value = "GET /users/{user}/onlineMeetings/{id}", decodeSlash = false)
  Meeting get(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId);

  @RequestLine(value = "GET /users/{user}/onlineMeetings?$filter={filter}", decodeSlash = false)
  List<Meeting> find(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("filter") String encodedFilter);

  @RequestLine(value = "PATCH /users/{user}/onlineMeetings/{id}", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting update(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId,
      GraphBodies.Update body);

  @RequestLine(value = "DELETE /users/{user}/onlineMeetings/{id}", decodeSlash = false)
  void delete(
      @HeaderMap Map<String, Object> headers,
      @Param("user") String user,
      @Param("id") String encodedId);
}
