package dev.linkstream.it;

import dev.linkstream.testing.WebOrigin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A web site on loopback whose pages the server under test fetches. */
final class Origin implements AutoCloseable {

  final WebOrigin web = new WebOrigin();

  Origin() throws IOException {
    web.route("/titled/", Origin::titled)
        .route("/missing", WebOrigin.status(404))
        // Answers only when the test is over, far beyond any fetch timeout.
        .route("/slow", web.silent())
        .route("/files/", WebOrigin.page("application/pdf", "%PDF-1.4\n%%EOF\n"));
  }

  /** A page whose {@code <title>} is the given text, HTML-escaped once. */
  String titled(String title) {
    return url("/titled/" + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  String url(String path) {
    return web.url(path);
  }

  /** A port on which nothing listens, so connecting to it is refused. */
  static String refusedUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }
  }

  private static void titled(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String title =
        URLDecoder.decode(
            exchange.getRequestURI().getRawPath().substring("/titled/".length()),
            StandardCharsets.UTF_8);
    String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    WebOrigin.respond(
        exchange,
        200,
        "text/html; charset=utf-8",
        ("<!doctype html><html><head><title>" + escaped + "</title></head><body>x</body></html>")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    web.close();
  }
}
