package io.teamsmeet.testkit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange on a plain socket, to see what the fake sends and when: the head, then the
 * body as it arrives, with a read timeout of the test's choosing.
 */
final class RawExchange implements AutoCloseable {

  final Socket socket;
  final InputStream in;
  int status;
  final Map<String, String> headers = new LinkedHashMap<>();

  private RawExchange(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Sends the request and reads the status line and headers. */
  static RawExchange send(URI uri, String method, Map<String, String> headers, String body)
      throws IOException {
    RawExchange exchange = new RawExchange(new Socket(uri.getHost(), uri.getPort()));
    exchange.socket.setSoTimeout(10_000);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    exchange.socket.getOutputStream().write(head.toString().getBytes(ISO_8859_1));
    exchange.socket.getOutputStream().write(bytes);
    exchange.socket.getOutputStream().flush();
    exchange.readHead();
    return exchange;
  }

  private void readHead() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean first = true;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(ISO_8859_1).strip();
      line.reset();
      if (text.isEmpty()) {
        return;
      }
      if (first) {
        status = Integer.parseInt(text.split(" ")[1]);
        first = false;
      } else {
        int colon = text.indexOf(':');
        headers.put(
            text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
      }
    }
    throw new IOException("the connection ended in the response head");
  }

  int contentLength() {
    return Integer.parseInt(headers.get("content-length"));
  }

  /** Reads exactly {@code n} bytes of the body (or fails at the read timeout). */
  byte[] readBody(int n) throws IOException {
    return in.readNBytes(n);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
