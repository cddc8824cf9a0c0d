package dev.linkstream.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stream client on a bare socket, for what a well-behaved client never does: connect from a
 * chosen loopback address, stop reading, or vanish without a goodbye. It reads HTTP/1.1 chunked
 * responses and Server-Sent Event frames.
 */
final class RawStream implements AutoCloseable {

  /** One frame: an event, a comment-only heartbeat, or a greeting with {@code retry}. */
  record Frame(String id, String event, String data, List<String> comments, String retry) {}

  final int status;
  final Map<String, String> headers = new HashMap<>();
  private final Socket socket;
  private final InputStream in;
  private int chunkLeft;

  private RawStream(Socket socket, String request) throws IOException {
    this.socket = socket;
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    in = socket.getInputStream();
    status = Integer.parseInt(rawLine().split(" ")[1]);
    for (String line = rawLine(); !line.isEmpty(); line = rawLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
  }

  /**
   * Connects from {@code from} (any 127.x.y.z address) with the given extra request headers; a
   * small receive buffer makes a client that stops reading fill up quickly.
   */
  static RawStream open(URI target, String from, Map<String, String> extra, int receiveBuffer)
      throws IOException {
    return new RawStream(connect(target, from, receiveBuffer), request(target, extra));
  }

  /**
   * Asks for the stream from {@code from} and resets the connection without waiting for the answer,
   * as a client that vanishes between its request and the answer does.
   */
  static void resetBeforeTheAnswer(URI target, String from) throws IOException {
    try (Socket socket = connect(target, from, 0)) {
      socket.getOutputStream().write(request(target, Map.of()).getBytes(StandardCharsets.US_ASCII));
      socket.setSoLinger(true, 0);
    }
  }

  private static Socket connect(URI target, String from, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getPort()));
    socket.setSoTimeout(20_000);
    return socket;
  }

  private static String request(URI target, Map<String, String> extra) {
    StringBuilder request =
        new StringBuilder("GET ")
            .append(target.getRawPath())
            .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    // Signed in unless the test says otherwise: an empty value leaves the header out.
    headers.put("Authorization", Api.authorization(target));
    headers.putAll(extra);
    headers.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            request.append(name).append(": ").append(value).append("\r\n");
          }
        });
    return request.append("\r\n").toString();
  }

  static RawStream open(URI target) throws IOException {
    return open(target, "127.0.0.1", Map.of(), 0);
  }

  /** The next frame, waiting at most {@code deadline} for it. */
  Frame next(Duration deadline) throws IOException {
    socket.setSoTimeout((int) deadline.toMillis());
    String id = null;
    String event = null;
    String retry = null;
    StringBuilder data = null;
    List<String> comments = new ArrayList<>();
    String line = bodyLine();
    while (line.isEmpty()) {
      // A blank line before any field dispatches nothing; RESTEasy starts its streams with two.
      line = bodyLine();
    }
    for (; !line.isEmpty(); line = bodyLine()) {
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
      switch (field) {
        case "" -> comments.add(value);
        case "id" -> id = value;
        case "event" -> event = value;
        case "retry" -> retry = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> throw new IOException("unexpected field: " + line);
      }
    }
    return new Frame(id, event, data == null ? null : data.toString(), comments, retry);
  }

  /** The next frame that is an event, skipping heartbeats. */
  Frame nextEvent(Duration deadline) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("no event within " + deadline);
      }
      Frame frame = next(Duration.ofNanos(Math.max(left, 1_000_000)));
      if (frame.event() != null) {
        return frame;
      }
    }
  }

  /** Fails if an event comes within the time; heartbeats and probes are no events. */
  void awaitNoEvent(Duration time) throws IOException {
    Frame more;
    try {
      more = nextEvent(time);
    } catch (SocketTimeoutException none) {
      return;
    }
    throw new AssertionError("one event more than expected: " + more);
  }

  /** True once the server has ended the stream. */
  boolean ended(Duration deadline) throws IOException {
    socket.setSoTimeout((int) deadline.toMillis());
    try {
      while (true) {
        bodyLine();
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Reads on until that many heartbeats have come, each within the deadline. */
  void awaitHeartbeats(int count, Duration deadline) throws IOException {
    for (int seen = 0; seen < count; ) {
      if (next(deadline).comments().contains("heartbeat")) {
        seen++;
      }
    }
  }

  /** Resets the connection: the server learns of it only when it next writes. */
  void vanish() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private String bodyLine() throws IOException {
    return line(this::bodyByte, StandardCharsets.UTF_8);
  }

  private int bodyByte() throws IOException {
    if (chunkLeft == 0) {
      String size = rawLine();
      if (size.isEmpty()) {
        size = rawLine();
      }
      chunkLeft = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (chunkLeft == 0) {
        throw new EOFException("the stream ended");
      }
    }
    chunkLeft--;
    return read();
  }

  private String rawLine() throws IOException {
    return line(this::read, StandardCharsets.US_ASCII);
  }

  @FunctionalInterface
  private interface Bytes {
    int next() throws IOException;
  }

  private static String line(Bytes bytes, Charset charset) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int next;
    while ((next = bytes.next()) != '\n') {
      line.write(next);
    }
    return line.toString(charset).replaceFirst("\r$", "");
  }

  private int read() throws IOException {
    int next = in.read();
    if (next < 0) {
      throw new EOFException("the connection closed");
    }
    return next;
  }
}
