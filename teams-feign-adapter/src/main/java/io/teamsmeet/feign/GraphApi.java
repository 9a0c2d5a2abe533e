package io.teamsmeet.feign;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.teamsmeet.Meeting;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code /me/onlineMeetings}; the target URL ends in {@code /v1.0}. The {@code id} is
 * passed already percent-encoded ({@link GraphMeetingPort#encodePathSegment}); Feign passes
 * pct-encoded values through unchanged, and {@code decodeSlash = false} keeps an encoded {@code /}.
 * The {@code $filter} value of {@link #find} is passed percent-encoded the same way ({@link
 * GraphMeetingPort#encodeFilter}), so Feign's query encoding never sees a space, quote, {@code +}
 * or {@code %} it could leave as is or encode differently. Feign sends the name as {@code
 * %24filter}, which Graph decodes to {@code $filter} (Microsoft's Kiota-generated SDKs send it so).
 */
interface GraphApi {

  @RequestLine(value = "POST /me/onlineMeetings", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting create(@HeaderMap Map<String, Object> headers, GraphBodies.Create body);

  @RequestLine(value = "POST /me/onlineMeetings/createOrGet", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting createOrGet(@HeaderMap Map<String, Object> headers, GraphBodies.CreateOrGet body);

  @RequestLine(value = "GET /me/onlineMeetings/{id}", decodeSlash = false)
  Meeting get(@HeaderMap Map<String, Object> headers, @Param("id") String encodedId);

  /** Graph answers with a collection ({@code value[]}); {@link MeetingDecoder} reads it. */
  @RequestLine(value = "GET /me/onlineMeetings?$filter={filter}", decodeSlash = false)
  List<Meeting> find(@HeaderMap Map<String, Object> headers, @Param("filter") String encodedFilter);

  @RequestLine(value = "PATCH /me/onlineMeetings/{id}", decodeSlash = false)
  @Headers("Content-Type: application/json")
  Meeting update(
      @HeaderMap Map<String, Object> headers,
      @Param("id") String encodedId,
      GraphBodies.Update body);

  @RequestLine(value = "DELETE /me/onlineMeetings/{id}", decodeSlash = false)
  void delete(@HeaderMap Map<String, Object> headers, @Param("id") String encodedId);
}
