package io.teamsmeet.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.teamsmeet.testkit.RecordedRequest.Endpoint;
import io.teamsmeet.testkit.Wire.Call;
import io.teamsmeet.testkit.Wire.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The WireMock extension that is the fake: one catch-all stub hands every request to it, and it
 * answers from {@link State} instead of from static stubs.
 */
final class Engine implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-microsoft";

  private static final String BAD_GATEWAY_PAGE =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad"
          + " Gateway</h1></center>\r\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>"
          + "\r\n</body>\r\n</html>\r\n";

  private final State state;
  private final ObjectMapper mapper;
  private final Bases bases;
  private final Identity identity;
  private final Graph graph;
  private final Faults tokenFaults;
  private final Faults graphFaults;
  private final Journal journal;
  private final SlowBodies slowBodies;

  Engine(
      State state,
      Bases bases,
      Faults tokenFaults,
      Faults graphFaults,
      Journal journal,
      SlowBodies slowBodies) {
    this.mapper = new ObjectMapper();
    this.state = state;
    this.bases = bases;
    this.identity = new Identity(state, bases, mapper);
    this.graph = new Graph(state, bases, mapper);
    this.tokenFaults = tokenFaults;
    this.graphFaults = graphFaults;
    this.journal = journal;
    this.slowBodies = slowBodies;
  }

  Identity identity() {
    return identity;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Call call = Call.from(serveEvent.getRequest());
    Endpoint endpoint = classify(call.segments);
    Optional<Faults.Fault> fault =
        endpoint == Endpoint.TOKEN
            ? tokenFaults.next()
            : endpoint == Endpoint.GRAPH ? graphFaults.next() : Optional.empty();
    Reply reply;
    if (fault.isPresent() && fault.get().preventsProcessing()) {
      reply = faultReply(call, endpoint, fault.get());
    } else {
      reply = route(call, endpoint);
      fault.ifPresent(f -> damage(call, reply, f));
    }
    journal.record(
        new RecordedRequest(endpoint, call, reply.status, reply.faultLabel, state.now()));
    return slowBody(reply, fault.orElse(null)).toDefinition();
  }

  /** Stalls or dribbles the body now, on this request's connection, when the fault says so. */
  private Reply slowBody(Reply reply, Faults.Fault fault) {
    if (fault == null || reply.body.length == 0 || reply.fault != null) {
      return reply;
    }
    if (fault.kind == Faults.Kind.STALL_BODY) {
      return slowBodies.stall(reply);
    }
    if (fault.kind == Faults.Kind.DRIBBLE) {
      return slowBodies.dribble(reply, fault.bytesPerSecond);
    }
    return reply;
  }

  static Endpoint classify(List<String> segments) {
    if (segments.isEmpty()) {
      return Endpoint.OTHER;
    }
    if (segments.get(0).equals(Bases.GRAPH_PREFIX)) {
      return Endpoint.GRAPH;
    }
    if (segments.get(0).equals(Bases.IDENTITY_PREFIX)
        && segments.size() == 5
        && segments.get(2).equals("oauth2")
        && segments.get(3).equals("v2.0")) {
      switch (segments.get(4)) {
        case "authorize":
        case "consent":
          return Endpoint.AUTHORIZE;
        case "token":
          return Endpoint.TOKEN;
        default:
          return Endpoint.OTHER;
      }
    }
    return Endpoint.OTHER;
  }

  private Reply route(Call call, Endpoint endpoint) {
    try {
      List<String> s = call.segments;
      switch (endpoint) {
        case AUTHORIZE:
          return s.get(4).equals("consent")
              ? identity.consent(call)
              : identity.authorize(call, s.get(1));
        case TOKEN:
          return identity.token(call, s.get(1));
        case GRAPH:
          return graph.handle(call, s.subList(1, s.size()));
        default:
          if (s.size() == 5
              && s.get(0).equals(Bases.IDENTITY_PREFIX)
              && s.get(2).equals("v2.0")
              && s.get(3).equals(".well-known")
              && s.get(4).equals("openid-configuration")) {
            return identity.openidConfiguration(s.get(1));
          }
          if (s.size() == 4
              && s.get(0).equals(Bases.IDENTITY_PREFIX)
              && s.get(2).equals("v2.0")
              && s.get(3).equals("adminconsent")) {
            synchronized (state) {
              return state.appPermissions.adminConsent(state, call, s.get(1));
            }
          }
          return Reply.of(
              404,
              "text/plain; charset=utf-8",
              "FakeMicrosoft has no endpoint at "
                  + call.rawPath
                  + ". The identity platform lives under "
                  + bases.identity()
                  + "/{tenant}/oauth2/v2.0/{authorize|token}, Graph under "
                  + bases.graph()
                  + "/v1.0/me/onlineMeetings.\n");
      }
    } catch (RuntimeException e) {
      return Reply.of(
          500,
          "text/plain; charset=utf-8",
          "FakeMicrosoft failed on "
              + call.method
              + " "
              + call.rawPath
              + ": "
              + e
              + "\n"
              + Arrays.toString(e.getStackTrace()));
    }
  }

  private Reply faultReply(Call call, Endpoint endpoint, Faults.Fault fault) {
    Reply reply;
    switch (fault.kind) {
      case RESET:
        return Reply.fault(
            com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER, "reset");
      case MALFORMED:
        reply = Reply.of(502, "text/html", BAD_GATEWAY_PAGE);
        reply.header("Date", Wire.httpDate(state.now()));
        reply.faultLabel = "malformed";
        return reply;
      case UNAUTHORIZED:
        reply = graph.fault(call, 401, Optional.empty());
        reply.faultLabel = "unauthorized";
        return reply;
      case THROTTLE:
      case FAIL:
        Optional<String> retryAfter = fault.retryAfter.headerValue(state.now());
        if (endpoint == Endpoint.GRAPH) {
          reply = graph.fault(call, fault.status, retryAfter);
        } else if (fault.status == 429) {
          reply =
              identity.fault(
                  call,
                  429,
                  "temporarily_unavailable",
                  90055,
                  "TenantThrottlingError - There are too many incoming requests. This exception"
                      + " is thrown for blocked tenants.");
        } else {
          reply =
              identity.fault(
                  call,
                  fault.status,
                  "temporarily_unavailable",
                  90033,
                  "A transient error has occurred. Please try again.");
        }
        retryAfter.ifPresent(v -> reply.header("Retry-After", v));
        reply.faultLabel = fault.kind == Faults.Kind.THROTTLE ? "throttle" : "fail";
        return reply;
      default:
        throw new IllegalStateException("not a blocking fault: " + fault.kind);
    }
  }

  private void damage(Call call, Reply reply, Faults.Fault fault) {
    if (fault.kind == Faults.Kind.OMIT_REFRESH_TOKEN || fault.kind == Faults.Kind.OMIT_EXPIRES_IN) {
      if (reply.status != 200) {
        return; // an error answer has neither field: nothing to omit
      }
      try {
        com.fasterxml.jackson.databind.node.ObjectNode body =
            (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(reply.body);
        if (fault.kind == Faults.Kind.OMIT_EXPIRES_IN) {
          body.remove("expires_in");
          body.remove("ext_expires_in");
          reply.faultLabel = "omit-expires-in";
        } else {
          com.fasterxml.jackson.databind.JsonNode issued = body.remove("refresh_token");
          synchronized (state) {
            if (issued != null) {
              state.refreshTokens.remove(issued.asText()); // never handed out: never usable
            }
            call.formParam("refresh_token")
                .map(state.refreshTokens::get)
                .ifPresent(presented -> presented.usedAndRevoked = false); // not rotated
          }
          reply.faultLabel = "omit-refresh-token";
        }
        reply.body = mapper.writeValueAsBytes(body);
      } catch (java.io.IOException | ClassCastException e) {
        throw new IllegalStateException("FakeMicrosoft could not rewrite its own token answer", e);
      }
      return;
    }
    if (fault.kind == Faults.Kind.SLOW) {
      reply.delayMillis = (int) fault.delay.toMillis();
      reply.faultLabel = "slow";
    } else if (fault.kind == Faults.Kind.TRUNCATE) {
      reply.body = Arrays.copyOf(reply.body, reply.body.length / 2);
      reply.faultLabel = "truncate";
    } else if (fault.kind == Faults.Kind.STALL_BODY) {
      reply.faultLabel = "stall-body"; // served by slowBody, once journaled
    } else if (fault.kind == Faults.Kind.DRIBBLE) {
      reply.faultLabel = "dribble";
    }
  }
}
