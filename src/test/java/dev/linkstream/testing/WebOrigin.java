package dev.linkstream.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web site on loopback, built route by route, that counts the requests it is sent. Handlers that
 * hang are released when the origin closes.
 */
public final class WebOrigin implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();

  public WebOrigin() throws IOException {
    this("127.0.0.1");
  }

  public WebOrigin(String address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    server.setExecutor(threads);
    server.start();
  }

  public WebOrigin route(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          requests.incrementAndGet();
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException e) {
            // The fetcher gave up on this response first, which is what some tests want.
          }
        });
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int requests() {
    return requests.get();
  }

  public static HttpHandler page(String contentType, byte[] body) {
    return exchange -> respond(exchange, 200, contentType, body);
  }

  public static HttpHandler page(String contentType, String body) {
    return page(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpHandler status(int status) {
    return exchange -> respond(exchange, status, "text/html", "<title>status</title>".getBytes());
  }

  public static HttpHandler redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  /** A small gzip body that inflates to {@code inflatedBytes} of spaces. */
  public static HttpHandler gzipBomb(String contentType, int inflatedBytes) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
        out.write("<!doctype html><html><head>".getBytes(StandardCharsets.US_ASCII));
        byte[] spaces = new byte[64 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (int written = 0; written < inflatedBytes; written += spaces.length) {
          out.write(spaces);
        }
      }
    };
  }

  /** Sends the head of a page, then a byte a second, never finishing. */
  public HttpHandler trickle() {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write("<!doctype html><html><head>".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!await(1)) {
        out.write(' ');
        out.flush();
      }
    };
  }

  /** Accepts the request and never answers. */
  public HttpHandler silent() {
    return exchange -> await(60);
  }

  public static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private boolean await(int seconds) {
    try {
      return closed.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
