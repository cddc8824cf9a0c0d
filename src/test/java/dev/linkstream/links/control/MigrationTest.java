package dev.linkstream.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.linkstream.links.entity.FetchClaim;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEvent;
import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.LinkState;
import dev.linkstream.links.entity.LinkStatus;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database left at schema version 1 (links without history) upgrades with its data intact. */
class MigrationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Databases.class)
  void version1UpgradesWithItsLinksIntact(Databases kind) throws Exception {
    Database database = kind.configure(dir);
    Databases.migrateTo(database, "1");
    try (Connection connection = Databases.connect(database);
        Statement insert = connection.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO links (url, status, title, content_type, submitted_at, updated_at) VALUES"
              + " ('https://example.org/a', 'fetched', 'Å title', 'text/html',"
              + " TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05.678+00',"
              + " TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:06+00'),"
              + " ('https://example.org/b', 'pending', NULL, NULL,"
              + " TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00',"
              + " TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00')");
    }

    Databases.open(database);
    try {
      LinkStore store = StandaloneStore.on(database);

      List<Link> links = store.page(10, Long.MAX_VALUE, LinkFilter.ALL).links();
      assertEquals(2, links.size());
      Link fetched = links.get(1);
      assertEquals("Å title", fetched.title());
      assertEquals(LinkStatus.FETCHED, fetched.status());
      assertEquals(LinkState.UNREAD, fetched.state(), "links from before states are unread");
      assertEquals("2026-01-02T03:04:05.678Z", fetched.submittedAt().toString());
      assertEquals(
          List.of(links.get(0)),
          store.claim(10, "a", Duration.ofMinutes(1)).stream().map(FetchClaim::link).toList());
      assertFalse(
          store.submit(LinkStoreContract.url("https://example.org/a"), Tags.NONE, null).created());

      Link added =
          store.submit(LinkStoreContract.url("https://example.org/c"), Tags.NONE, null).link();
      assertEquals(List.of(LinkEvent.update(1, added)), store.eventsAfter(0, 10));
    } finally {
      Databases.close(database);
    }
  }
}
