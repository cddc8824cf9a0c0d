package dev.linkstream.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A stream subscriber that disappears without a goodbye, like a killed curl. */
final class VanishingClient {

  private final Socket socket;

  VanishingClient(URI stream) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), stream.getPort());
    socket.setSoTimeout(10_000);
    String request =
        "GET "
            + stream.getRawPath()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    awaitSubscribed(socket.getInputStream());
  }

  private static void awaitSubscribed(InputStream in) throws IOException {
    StringBuilder seen = new StringBuilder();
    while (seen.indexOf("subscribed") < 0) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("stream closed before subscribing: " + seen);
      }
      seen.append((char) next);
    }
  }

  /** Resets the connection: the server learns of it only when it next writes. */
  void vanish() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }
}
