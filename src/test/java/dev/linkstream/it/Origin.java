package dev.linkstream.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A web site on loopback whose pages the server under test fetches. */
final class Origin implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);

  Origin() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/titled/", this::titled);
    server.createContext("/missing", exchange -> respond(exchange, 404, "text/html", "gone"));
    server.createContext("/slow", this::slow);
    server.createContext(
        "/files/", exchange -> respond(exchange, 200, "application/pdf", "%PDF-1.4\n%%EOF\n"));
    server.start();
  }

  /** A page whose {@code <title>} is the given text, HTML-escaped once. */
  String titled(String title) {
    return url(
        "/titled/" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A port on which nothing listens, so connecting to it is refused. */
  static String refusedUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }
  }

  private void titled(HttpExchange exchange) throws IOException {
    String title =
        URLDecoder.decode(
            exchange.getRequestURI().getRawPath().substring("/titled/".length()),
            StandardCharsets.UTF_8);
    String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    respond(
        exchange,
        200,
        "text/html; charset=utf-8",
        "<!doctype html><html><head><title>" + escaped + "</title></head><body>x</body></html>");
  }

  /** Answers only when the test is over, far beyond any fetch timeout. */
  private void slow(HttpExchange exchange) throws IOException {
    try {
      released.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    respond(exchange, 200, "text/html", "<title>Too late</title>");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    try (exchange;
        OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(status, bytes.length);
      out.write(bytes);
    } catch (IOException e) {
      // The fetcher gave up on this response first, which is what some tests want.
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
