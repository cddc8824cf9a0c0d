package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.TestAdmin;
import dev.linkstream.testing.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, as clients see it: tokens and their scopes, sessions and the page's origin, the
 * limits on failed sign-ins, and streams that end with what opened them.
 */
class AccessIT extends DeployedWar {

  /** Longer than any stream takes to notice: the check runs twice a second. */
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(5);

  /** The test settings' window for failed sign-ins, and some time for a busy machine. */
  private static final Duration WINDOW_PASSES = Duration.ofSeconds(40);

  private static final AtomicInteger unique = new AtomicInteger();
  private String admin;

  @BeforeEach
  void signInAsAdmin() {
    admin = Api.signIn(api.anonymousRoot, TestAdmin.USER, TestAdmin.PASSWORD);
  }

  @Test
  void aReadTokenReadsAndFollowsTheStreamButChangesNothing() throws Exception {
    String token = token("read");
    try (Response list = bearer(token, "api/links").get()) {
      assertEquals(200, list.getStatus());
    }
    try (Response submit = bearer(token, "api/links").post(link("https://example.org/read"))) {
      assertEquals(403, submit.getStatus());
      assertTrue(json(submit).getString("detail").contains("only read"));
    }
    try (RawStream stream = stream(Map.of("Authorization", "Bearer " + token))) {
      assertEquals(200, stream.status);
    }
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndTheStreamItOpenedEnds() throws Exception {
    JsonObject created = createToken("read");
    String token = created.getString("token");
    try (RawStream stream = stream(Map.of("Authorization", "Bearer " + token))) {
      assertEquals(200, stream.status);
      try (Response revoked = asAdmin("api/tokens/" + created.getString("id")).delete()) {
        assertEquals(204, revoked.getStatus());
      }
      try (Response refused = bearer(token, "api/links").get()) {
        assertEquals(401, refused.getStatus());
        assertTrue(refused.getHeaderString("WWW-Authenticate").startsWith("Bearer realm="));
      }
      assertTrue(stream.ended(ENDS_WITHIN), "the revoked token's stream is still open");
    }
  }

  @Test
  void aTokenManagesNeitherTokensNorAccounts() {
    String token = token("write");
    for (String path : new String[] {"api/tokens", "api/users"}) {
      try (Response refused = bearer(token, path).get()) {
        assertEquals(403, refused.getStatus(), path);
      }
    }
  }

  @Test
  void aChangeWithTheCookieMustComeFromThePageItself() {
    String url = "https://example.org/origin-" + unique.incrementAndGet();
    String own = "http://127.0.0.1:" + deployed.getPort();
    try (Response crossSite =
        cookie(admin, "api/links").header("Sec-Fetch-Site", "cross-site").post(link(url))) {
      assertEquals(403, crossSite.getStatus());
    }
    try (Response elsewhere =
        cookie(admin, "api/links").header("Origin", "http://evil.example").post(link(url))) {
      assertEquals(403, elsewhere.getStatus());
    }
    try (Response unsaid = cookie(admin, "api/links").post(link(url))) {
      assertEquals(403, unsaid.getStatus(), "neither Sec-Fetch-Site nor Origin");
    }
    assertTrue(api.all().stream().noneMatch(l -> l.asJsonObject().getString("url").equals(url)));

    long id;
    try (Response fromThePage = cookie(admin, "api/links").header("Origin", own).post(link(url))) {
      assertEquals(202, fromThePage.getStatus());
      id = json(fromThePage).getJsonNumber("id").longValue();
    }
    try (Response crossSite =
        cookie(admin, "api/links/" + id).header("Sec-Fetch-Site", "cross-site").delete()) {
      assertEquals(403, crossSite.getStatus());
    }
    try (Response stillThere = api.links().path(String.valueOf(id)).request().get()) {
      assertEquals(200, stillThere.getStatus());
    }
    try (Response sameOrigin =
        cookie(admin, "api/links/" + id).header("Sec-Fetch-Site", "same-origin").delete()) {
      assertEquals(204, sameOrigin.getStatus());
    }
  }

  @Test
  void failedSignInsForOneAccountAreAnswered429UntilTheWindowPasses() throws Exception {
    String user = account("member");
    for (int i = 0; i < failuresPerAccount(); i++) {
      assertEquals(401, signIn("127.0.0.1", user, "not the password").status());
    }
    Answer refused = signIn("127.0.0.1", user, password(user));
    assertEquals(429, refused.status(), "a correct password is refused too while the limit holds");
    assertTrue(Long.parseLong(refused.headers().get("retry-after")) >= 1, refused.toString());
    Eventually.holds(
        WINDOW_PASSES,
        () -> signIn("127.0.0.1", user, password(user)).status() == 200,
        () -> user + " is still refused after the window");
  }

  @Test
  void failedSignInsFromOneAddressAreAnswered429ForEveryAccount() throws Exception {
    String from = "127.0.0." + (10 + unique.incrementAndGet() % 200);
    for (int i = 0; i < failuresPerAddress(); i++) {
      assertEquals(401, signIn(from, "nobody-" + i, "not the password").status());
    }
    assertEquals(429, signIn(from, TestAdmin.USER, TestAdmin.PASSWORD).status());
    assertEquals(200, signIn("127.0.0.1", TestAdmin.USER, TestAdmin.PASSWORD).status());
    Eventually.holds(
        WINDOW_PASSES,
        () -> signIn(from, TestAdmin.USER, TestAdmin.PASSWORD).status() == 200,
        () -> from + " is still refused after the window");
  }

  @Test
  void signingOutEndsTheStreamsTheSessionOpened() throws Exception {
    String user = account("reader");
    String session = Api.signIn(api.anonymousRoot, user, password(user));
    try (RawStream stream = stream(cookieHeaders(session))) {
      assertEquals(200, stream.status);
      try (Response out =
          cookie(session, "api/session").header("Sec-Fetch-Site", "same-origin").delete()) {
        assertEquals(204, out.getStatus());
      }
      assertTrue(stream.ended(ENDS_WITHIN), "the signed-out session's stream is still open");
    }
    try (RawStream again = stream(cookieHeaders(session))) {
      assertEquals(401, again.status);
    }
  }

  @Test
  void removingAnAccountEndsItsSessionsTokensAndStreams() throws Exception {
    String user = account("member");
    String session = Api.signIn(api.anonymousRoot, user, password(user));
    try (RawStream stream = stream(cookieHeaders(session))) {
      assertEquals(200, stream.status);
      try (Response removed = asAdmin("api/users/" + user).delete()) {
        assertEquals(204, removed.getStatus());
      }
      assertTrue(stream.ended(ENDS_WITHIN), "the removed account's stream is still open");
    }
    try (Response refused = cookie(session, "api/session").get()) {
      assertEquals(401, refused.getStatus());
    }
  }

  @Test
  void theLastAdminCanBeNeitherRemovedNorDemoted() {
    try (Response removed = asAdmin("api/users/" + TestAdmin.USER).delete()) {
      assertEquals(409, removed.getStatus());
    }
    try (Response demoted =
        asAdmin("api/users/" + TestAdmin.USER)
            .method("PATCH", Entity.json("{\"role\":\"member\"}"))) {
      assertEquals(409, demoted.getStatus());
      assertTrue(json(demoted).getString("detail").contains("last admin"));
    }
  }

  @Test
  void aProxyHeaderSignsInOnlyFromATrustedPeer() throws Exception {
    Map<String, String> proxied = Map.of("Authorization", "", "Remote-User", TestAdmin.USER);
    try (RawStream untrusted = RawStream.open(streamUri(), "127.0.0.1", proxied, 0)) {
      assertEquals(401, untrusted.status, "the header was taken from an untrusted peer");
    }
    // The tests' settings trust 127.0.0.2 alone.
    try (RawStream trusted = RawStream.open(streamUri(), "127.0.0.2", proxied, 0)) {
      assertEquals(200, trusted.status);
    }
    Map<String, String> unknown = Map.of("Authorization", "", "Remote-User", "nobody-at-all");
    try (RawStream nobody = RawStream.open(streamUri(), "127.0.0.2", unknown, 0)) {
      assertEquals(401, nobody.status, "an account was made up from a header");
    }
  }

  // --- helpers

  private String token(String scope) {
    return createToken(scope).getString("token");
  }

  private JsonObject createToken(String scope) {
    String body = "{\"name\":\"access test\",\"scope\":\"" + scope + "\"}";
    try (Response created = asAdmin("api/tokens").post(Entity.json(body))) {
      assertEquals(201, created.getStatus());
      return json(created);
    }
  }

  /** A new account of the role; its password is {@link #password}. */
  private String account(String role) {
    String name = "access-" + unique.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("role", role)
            .add("password", password(name))
            .build()
            .toString();
    try (Response created = asAdmin("api/users").post(Entity.json(body))) {
      assertEquals(201, created.getStatus());
    }
    return name;
  }

  private static String password(String user) {
    return "password of " + user;
  }

  private Invocation.Builder asAdmin(String path) {
    return cookie(admin, path).header("Sec-Fetch-Site", "same-origin");
  }

  private Invocation.Builder cookie(String session, String path) {
    return api.anonymousRoot
        .path(path)
        .request(MediaType.APPLICATION_JSON)
        .cookie(TestTokens.COOKIE, session);
  }

  private Invocation.Builder bearer(String token, String path) {
    return api.anonymousRoot
        .path(path)
        .request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token);
  }

  private static Map<String, String> cookieHeaders(String session) {
    return Map.of("Authorization", "", "Cookie", TestTokens.COOKIE + "=" + session);
  }

  private RawStream stream(Map<String, String> headers) throws IOException {
    return RawStream.open(streamUri(), "127.0.0.1", headers, 0);
  }

  private URI streamUri() {
    return api.stream().getUri();
  }

  private static Entity<String> link(String url) {
    return Entity.json(Json.createObjectBuilder().add("url", url).build().toString());
  }

  private static JsonObject json(Response response) {
    return (JsonObject) Api.parse(response.readEntity(String.class));
  }

  private static int failuresPerAccount() {
    return setting("linkstream.auth.max-failures-per-account");
  }

  private static int failuresPerAddress() {
    return setting("linkstream.auth.max-failures-per-address");
  }

  private static int setting(String key) {
    for (String option : System.getProperty("linkstream.it.settings").split("\\s+")) {
      if (option.startsWith("-D" + key + "=")) {
        return Integer.parseInt(option.substring(key.length() + 3));
      }
    }
    throw new IllegalStateException("linkstream.it.settings lacks " + key);
  }

  /** A status and the headers, lower-cased, of an answer to a raw request. */
  private record Answer(int status, Map<String, String> headers) {}

  /** Signs in over a connection from {@code from}: the limits count per client address. */
  private Answer signIn(String from, String user, String password) {
    String body =
        Json.createObjectBuilder().add("user", user).add("password", password).build().toString();
    URI uri = api.anonymousRoot.path("api/session").getUri();
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort()));
      socket.setSoTimeout(30_000);
      String head =
          "POST "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Connection: close\r\nContent-Length: "
              + content.length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      int status = Integer.parseInt(in.readLine().split(" ")[1]);
      Map<String, String> headers = new HashMap<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      return new Answer(status, headers);
    } catch (IOException e) {
      throw new AssertionError("signing in from " + from + " failed: " + e, e);
    }
  }
}
