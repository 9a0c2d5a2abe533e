package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.time.Instant;

/**
 * One Graph request and its answer: the request's ids, the headers every answer carries, and
 * Graph's error bodies, the common ones by name.
 */
final class GraphExchange {

  static final String JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
          + "charset=utf-8";
  private static final String DIAGNOSTIC =
      "{\"ServerInfo\":{\"DataCenter\":\"FakeMicrosoft\",\"Slice\":\"E\",\"Ring\":\"0\","
          + "\"ScaleUnit\":\"000\",\"RoleInstance\":\"fake\",\"ADSiteName\":\"LOCAL\"}}";

  final Call call;
  final String requestId = Wire.guid();
  final String clientRequestId;
  final Instant now;
  private final ObjectMapper mapper;

  GraphExchange(Call call, Instant now, ObjectMapper mapper) {
    this.call = call;
    this.clientRequestId = call.header("client-request-id").orElse(requestId);
    this.now = now;
    this.mapper = mapper;
  }

  Reply json(int status, JsonNode body) {
    return headers(Reply.of(status, JSON, body.toString())).header("OData-Version", "4.0");
  }

  Reply accepted() {
    return headers(new Reply(202));
  }

  Reply noContent() {
    return headers(new Reply(204));
  }

  Reply error(int status, String code, String message) {
    return error(status, code, message, null);
  }

  Reply error(int status, String code, String message, String innerCode) {
    ObjectNode body = mapper.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    if (innerCode != null) {
      inner.put("code", innerCode);
    }
    inner.put("date", MeetingJson.innerErrorDate(now));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    return headers(Reply.of(status, JSON, body.toString()));
  }

  private Reply headers(Reply reply) {
    return reply
        .header("request-id", requestId)
        .header("client-request-id", clientRequestId)
        .header("x-ms-ags-diagnostic", DIAGNOSTIC)
        .header("Date", Wire.httpDate(now));
  }

  Reply unauthorized(String message) {
    return error(401, "InvalidAuthenticationToken", message)
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/"
                + "oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
  }

  Reply notFound() {
    return error(404, "itemNotFound", "The requested onlineMeeting was not found.");
  }

  Reply notFoundSegment(String segment) {
    return error(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }

  Reply methodNotAllowed() {
    return error(
        405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  }

  Reply notAnEnumValue(String value) {
    return error(400, "BadRequest", "Requested value '" + value + "' was not found.");
  }

  Reply invalidJson() {
    return error(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload"
            + " is of valid JSON format.");
  }
}
