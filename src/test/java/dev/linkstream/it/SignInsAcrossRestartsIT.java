package dev.linkstream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.TestAdmin;
import dev.linkstream.testing.TestTokens;
import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sessions and tokens live in the database, as digests only: a restart signs nobody out, and
 * whoever reads the tables learns no password, cookie or token.
 */
class SignInsAcrossRestartsIT {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProcess.Runtime.class)
  void aSessionAndATokenOutliveARestartAndTheDatabaseHoldsNoSecretOfThem(
      ServerProcess.Runtime runtime) throws Exception {
    Path data = dir.resolve("data");
    String session;
    String token;
    String user = "restart-" + System.nanoTime();
    String password = "the password of " + user;
    try (ServerProcess first = ServerProcess.start(runtime, data, dir.resolve("first"));
        Api api = new Api(first.url)) {
      URI base = first.url.toURI();
      session = TestTokens.signIn(base, TestAdmin.USER, TestAdmin.PASSWORD);
      token = TestTokens.authorization(base).substring("Bearer ".length());
      String account =
          Json.createObjectBuilder()
              .add("name", user)
              .add("role", "reader")
              .add("password", password)
              .build()
              .toString();
      try (Response created =
          api.anonymousRoot
              .path("api/users")
              .request()
              .cookie(TestTokens.COOKIE, session)
              .header("Sec-Fetch-Site", "same-origin")
              .post(Entity.json(account))) {
        assertEquals(201, created.getStatus());
      }
    }

    String tables = tables(data);
    // lks_<16 hex digits>_<secret>, and the secret may hold '_' itself.
    String tokenSecret = token.substring("lks_".length() + 16 + 1);
    for (String secret : new String[] {session, tokenSecret, password, TestAdmin.PASSWORD}) {
      assertFalse(tables.contains(secret), "the database holds a secret in the clear: " + secret);
    }
    // What is there instead; otherwise the reading above could miss anything.
    assertTrue(tables.contains(sha256(session)), "no digest of the session's cookie");
    assertTrue(tables.contains(sha256(tokenSecret)), "no digest of the token");
    assertTrue(tables.contains("PBKDF2WithHmacSHA256:600000:"), "no password hash");

    try (ServerProcess second = ServerProcess.start(runtime, data, dir.resolve("second"));
        Api api = new Api(second.url)) {
      try (Response signedIn =
          api.anonymousRoot
              .path("api/session")
              .request()
              .cookie(TestTokens.COOKIE, session)
              .get()) {
        assertEquals(200, signedIn.getStatus(), "the restart signed the session out");
        assertTrue(signedIn.readEntity(String.class).contains("\"user\":\"" + TestAdmin.USER));
      }
      try (Response withToken =
          api.anonymousRoot
              .path("api/links")
              .request()
              .header("Authorization", "Bearer " + token)
              .get()) {
        assertEquals(200, withToken.getStatus(), "the restart revoked the token");
      }
    }
  }

  /**
   * Every value of the tables of accounts, sessions and tokens, as the stopped server left them.
   */
  private static String tables(Path data) throws Exception {
    String url =
        System.getProperty("linkstream.it.db.url", "jdbc:h2:file:" + data.resolve("linkstream"));
    StringBuilder all = new StringBuilder();
    try (Connection connection =
            DriverManager.getConnection(
                url,
                System.getProperty("linkstream.it.db.user", ""),
                System.getProperty("linkstream.it.db.password", ""));
        Statement select = connection.createStatement()) {
      for (String table : new String[] {"accounts", "sessions", "tokens"}) {
        try (ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              all.append(rows.getString(i)).append('\n');
            }
          }
        }
      }
    }
    return all.toString();
  }

  private static String sha256(String secret) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
  }
}
