package dev.linkstream.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A TCP relay on loopback to a server on loopback, which a test can cut as a network does: every
 * connection through it is reset at once. It keeps the head of every request sent through it.
 */
public final class Relay implements AutoCloseable {

  private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/1\\.1\r\n");

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public Relay(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    start(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The head of each request sent through the relay, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Resets every connection through the relay; new ones are relayed again. */
  public void cut() throws IOException {
    for (Socket socket : open) {
      if (!socket.isClosed()) {
        socket.setSoLinger(true, 0);
        socket.close();
      }
    }
    open.clear();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        start(() -> pump(client, server, true));
        start(() -> pump(server, client, false));
      } catch (IOException e) {
        // closed, or a connection that failed: the next one is relayed anyway
      }
    }
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task, "relay");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(Socket from, Socket to, boolean toServer) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        // A connection may carry several requests; each small head arrives in one read.
        if (toServer && REQUEST_LINE.matcher(text).lookingAt()) {
          requests.add(text.split("\r\n\r\n", 2)[0]);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: so does the other
    } finally {
      close(from);
      close(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
  }
}
