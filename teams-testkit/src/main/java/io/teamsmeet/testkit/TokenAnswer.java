package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.time.Instant;

/**
 * The token endpoint's answers to one request, errors and success, with one trace id and
 * correlation id per request and the identity platform's headers.
 */
final class TokenAnswer {

  private static final String JSON = "application/json; charset=utf-8";

  private final State state;
  private final ObjectMapper mapper;
  private final Call call;
  private final String traceId = Wire.guid();
  private final String correlationId;
  private String suberror;

  TokenAnswer(State state, ObjectMapper mapper, Call call) {
    this.state = state;
    this.mapper = mapper;
    this.call = call;
    this.correlationId = AadErrors.correlation(call);
  }

  TokenAnswer withSuberror(String value) {
    this.suberror = value;
    return this;
  }

  Reply reply(int status, String error, int code, String message) {
    Instant now = state.now();
    ObjectNode body = mapper.createObjectNode();
    body.put("error", error);
    body.put(
        "error_description",
        AadErrors.description(code, message, traceId, correlationId, state.now()));
    body.putArray("error_codes").add(code);
    body.put("timestamp", AadErrors.AAD_TIMESTAMP.format(now));
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    body.put("error_uri", AadErrors.ERROR_URI + code);
    if (suberror != null) {
      body.put("suberror", suberror);
    }
    return headers(Reply.of(status, JSON, body.toString()));
  }

  Reply success(ObjectNode body) {
    return headers(Reply.of(200, JSON, body.toString()));
  }

  private Reply headers(Reply reply) {
    reply
        .header("Cache-Control", "no-store, no-cache")
        .header("Pragma", "no-cache")
        .header("Expires", "-1")
        .header("x-ms-request-id", traceId)
        .header("x-ms-ests-server", "FakeMicrosoft");
    call.header("client-request-id").ifPresent(v -> reply.header("client-request-id", v));
    return reply.header("Date", Wire.httpDate(state.now()));
  }
}
