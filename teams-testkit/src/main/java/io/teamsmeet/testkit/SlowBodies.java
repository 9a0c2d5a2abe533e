package io.teamsmeet.testkit;

import com.github.tomakehurst.wiremock.http.Fault;
import io.teamsmeet.testkit.Wire.Reply;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnection;

/**
 * Serves the answers of {@link Faults#stallBodyNext} and {@link Faults#dribbleNext}, which WireMock
 * cannot: status and headers at once, then the body stalled or a few bytes at a time. They are
 * written on the request's own connection by the Jetty thread that handles it (the fake's engine
 * runs on it), with the servlet response WireMock would have used, so that framing, TLS and {@code
 * Content-Length} stay right.
 *
 * <p>A stalled or dribbling answer holds its server thread. {@link #releaseAll()}, called by {@link
 * FakeMicrosoft#reset()}, and {@link #stop()}, called by {@link FakeMicrosoft#close()}, end all of
 * them at once, closing their connections, so that no thread outlives a test. A dribble also ends
 * when the client goes away (its next write fails); a stall after {@link #MAX_STALL_MINUTES} at the
 * latest.
 */
final class SlowBodies {

  /** The longest a stall holds its thread when nothing releases it. */
  static final long MAX_STALL_MINUTES = 10;

  /** At most this many writes per second: each is a chunk of {@code bytesPerSecond / 10}. */
  private static final int WRITES_PER_SECOND = 10;

  private volatile CountDownLatch release = new CountDownLatch(1);
  private volatile boolean stopped;

  /** Ends every stall and dribble in progress; later ones start afresh. */
  void releaseAll() {
    CountDownLatch released = release;
    if (!stopped) {
      release = new CountDownLatch(1);
    }
    released.countDown();
  }

  /** Ends every stall and dribble in progress, and every later one at once: the fake stops. */
  void stop() {
    stopped = true;
    releaseAll();
  }

  /**
   * Sends {@code reply}'s status, headers and {@code Content-Length}, then half of its body, then
   * nothing until released.
   *
   * @return what WireMock then does: close the connection
   */
  Reply stall(Reply reply) {
    CountDownLatch released = release;
    try {
      OutputStream out = commit(reply);
      out.write(reply.body, 0, reply.body.length / 2);
      out.flush();
      released.await(MAX_STALL_MINUTES, TimeUnit.MINUTES);
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return closeConnection(reply);
  }

  /**
   * Sends {@code reply}'s status, headers and {@code Content-Length} at once, then its whole body
   * at about {@code bytesPerSecond}, in up to ten writes a second.
   *
   * @return what WireMock then does: nothing more when the body was sent, else close the connection
   */
  Reply dribble(Reply reply, int bytesPerSecond) {
    CountDownLatch released = release;
    int chunk = Math.max(1, bytesPerSecond / WRITES_PER_SECOND);
    long pauseNanos = TimeUnit.SECONDS.toNanos(chunk) / bytesPerSecond;
    try {
      OutputStream out = commit(reply);
      out.flush();
      for (int at = 0; at < reply.body.length; at += chunk) {
        if (released.await(pauseNanos, TimeUnit.NANOSECONDS)) {
          return closeConnection(reply);
        }
        out.write(reply.body, at, Math.min(chunk, reply.body.length - at));
        out.flush();
      }
    } catch (IOException e) {
      return closeConnection(reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return closeConnection(reply);
    }
    Reply done = new Reply(reply.status); // committed: WireMock adds nothing to it
    done.faultLabel = reply.faultLabel;
    return done;
  }

  /** Sets status and headers on the request's servlet response; returns its body stream. */
  private static OutputStream commit(Reply reply) throws IOException {
    HttpConnection connection = HttpConnection.getCurrentConnection();
    if (connection == null) {
      throw new IllegalStateException("FakeMicrosoft: no HTTP connection on this thread");
    }
    HttpServletResponse response = connection.getHttpChannel().getResponse();
    response.setStatus(reply.status);
    reply.headers.forEach(response::setHeader);
    response.setContentLength(reply.body.length);
    return response.getOutputStream();
  }

  private static Reply closeConnection(Reply reply) {
    return Reply.fault(Fault.EMPTY_RESPONSE, reply.faultLabel);
  }
}
