package dev.linkstream.testing;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs test clients in, as a program would: with a write token the test admin makes once per
 * server, kept while the server still takes it (its database keeps it between tests).
 */
public final class TestTokens {

  public static final String COOKIE = "linkstream_session";

  private static final Map<Integer, String> TOKENS = new ConcurrentHashMap<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TestTokens() {}

  /** {@code Authorization}'s value for the application at {@code uri}, or anywhere under it. */
  public static String authorization(URI uri) {
    String path = uri.getRawPath();
    int api = path.indexOf("/api/");
    URI base = uri.resolve(api < 0 ? path : path.substring(0, api + 1));
    return "Bearer "
        + TOKENS.compute(
            base.getPort(),
            (port, known) ->
                known != null && works(base, known)
                    ? known
                    : newToken(base, TestAdmin.USER, TestAdmin.PASSWORD));
  }

  /** The cookie of a new session of the account. */
  public static String signIn(URI base, String user, String password) {
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(base.resolve("api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("user", user)
                            .add("password", password)
                            .build()
                            .toString())));
    if (signedIn.statusCode() != 200) {
      throw new AssertionError(user + " could not sign in: " + signedIn.statusCode());
    }
    return signedIn.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(COOKIE + "="))
        .map(cookie -> cookie.substring(COOKIE.length() + 1).split(";", 2)[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers()));
  }

  private static boolean works(URI base, String token) {
    return send(HttpRequest.newBuilder(base.resolve("api/session"))
                .header("Authorization", "Bearer " + token))
            .statusCode()
        == 200;
  }

  /** A new write token of the account, made with a session of its own, as on the page. */
  public static String newToken(URI base, String user, String password) {
    String session = signIn(base, user, password);
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(base.resolve("api/tokens"))
                .header("Cookie", COOKIE + "=" + session)
                .header("Content-Type", "application/json")
                // As the page's own requests say: a change made with the cookie must.
                .header("Origin", base.getScheme() + "://" + base.getRawAuthority())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"tests\",\"scope\":\"write\"}")));
    if (created.statusCode() != 201) {
      throw new AssertionError("no token: " + created.statusCode() + " " + created.body());
    }
    return Json.createReader(new StringReader(created.body())).readObject().getString("token");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
