package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkEditTest {

  private static final Instant SUBMITTED = Instant.parse("2026-12-05T08:00:00Z");
  private static final Instant LATER = Instant.parse("2026-12-05T09:00:00Z");

  @Test
  void aStateIsReadFromItsName() {
    assertEquals(
        new LinkEdit(LinkState.ARCHIVED), LinkEdit.fromJSON(json("{\"state\":\"archived\"}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|body must say what to change, such as {\"state\":\"read\"}",
        "{\"state\":\"done\"}|state must be unread, read or archived",
        "{\"state\":\"READ\"}|state must be unread, read or archived",
        "{\"state\":null}|state must be unread, read or archived",
        "{\"state\":1}|state must be unread, read or archived",
        "{\"state\":\"read\",\"url\":\"https://e.org/\"}|a link has no field \"url\" that can be"
            + " changed; state can",
      })
  void whatCannotBeAppliedIsRefusedSayingWhy(String body, String why) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> LinkEdit.fromJSON(json(body)));
    assertEquals(why, refused.getMessage());
  }

  @Test
  void aLongUnknownFieldIsNamedInShort() {
    String name = "x".repeat(1_000);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> LinkEdit.fromJSON(Json.createObjectBuilder().add(name, 1).build()));
    assertTrue(refused.getMessage().length() < 120, refused.getMessage());
  }

  @Test
  void anEditMovesTheLinkAndStampsIt() {
    Link link = Link.pending(7, "https://e.org/", SUBMITTED);
    LinkEdit read = new LinkEdit(LinkState.READ);

    assertTrue(read.changes(link));
    Link moved = read.applyTo(link, LATER);

    assertEquals(LinkState.READ, moved.state());
    assertEquals(LATER, moved.updatedAt());
    assertEquals(SUBMITTED, moved.submittedAt());
    assertEquals("read", moved.toJSON().getString("state"));
    assertFalse(read.changes(moved));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
