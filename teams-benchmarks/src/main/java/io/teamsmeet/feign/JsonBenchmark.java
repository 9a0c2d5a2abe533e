package io.teamsmeet.feign;

import io.teamsmeet.CalendarEvent;
import io.teamsmeet.Meeting;
import io.teamsmeet.MeetingRequest;
import io.teamsmeet.benchmarks.FakeEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The adapter's mapping: {@code MeetingRequest} → the JSON body Graph receives, and Graph's
 * onlineMeeting JSON (a realistic ~2.5 KB answer) → {@code Meeting}, through the adapter's own
 * (package-private) GraphBodies, Json and MeetingDecoder. In package io.teamsmeet.feign to reach
 * them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JsonBenchmark {

  private final MeetingRequest request =
      MeetingRequest.of(
          "Quarterly review", Instant.parse("2026-12-01T09:00:00Z"), Duration.ofMinutes(30));
  private final MeetingDecoder decoder = new MeetingDecoder();
  private final EventDecoder eventDecoder = new EventDecoder();
  private final feign.Request feignRequest =
      feign.Request.create(
          feign.Request.HttpMethod.POST,
          "https://graph.microsoft.com/v1.0/me/onlineMeetings",
          Map.of(),
          null,
          StandardCharsets.UTF_8,
          null);
  private final Map<String, java.util.Collection<String>> headers =
      Map.of("content-type", List.of("application/json; charset=utf-8"));

  @Benchmark
  public byte[] requestToJson() {
    return Json.write(GraphBodies.Create.of(request));
  }

  @Benchmark
  public Object jsonToMeeting() {
    feign.Response response =
        feign.Response.builder()
            .status(201)
            .reason("Created")
            .request(feignRequest)
            .headers(headers)
            .body(FakeEndpoints.MEETING)
            .build();
    return (Meeting) decoder.decode(response, Meeting.class);
  }

  /** The same with Graph's full-size answer (FakeEndpoints.FULL_MEETING, about 5 KB). */
  @Benchmark
  public Object jsonToMeetingFull() {
    feign.Response response =
        feign.Response.builder()
            .status(201)
            .reason("Created")
            .request(feignRequest)
            .headers(headers)
            .body(FakeEndpoints.FULL_MEETING)
            .build();
    return (Meeting) decoder.decode(response, Meeting.class);
  }

  /** A created calendar event (FakeEndpoints.EVENT, about 3.5 KB) → {@code CalendarEvent}. */
  @Benchmark
  public Object jsonToEvent() {
    feign.Response response =
        feign.Response.builder()
            .status(201)
            .reason("Created")
            .request(feignRequest)
            .headers(headers)
            .body(FakeEndpoints.EVENT)
            .build();
    return (CalendarEvent) eventDecoder.decode(response, CalendarEvent.class);
  }
}
