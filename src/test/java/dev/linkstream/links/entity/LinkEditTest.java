package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkEditTest {

  private static final Instant SUBMITTED = Instant.parse("2026-12-05T08:00:00Z");
  private static final Instant LATER = Instant.parse("2026-12-05T09:00:00Z");
  private static final Link FETCHED =
      Link.pending(7, "https://e.org/", SUBMITTED)
          .with(
              FetchResult.fetched(
                  7,
                  "Fetched title",
                  "text/html",
                  new Details("Fetched description", null, null, null, null, null)),
              SUBMITTED);

  @Test
  void aStateIsReadFromItsName() {
    assertEquals(
        LinkEdit.moveTo(LinkState.ARCHIVED), LinkEdit.fromJSON(json("{\"state\":\"archived\"}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|body must say what to change, such as {\"state\":\"read\"} or {\"note\":\"…\"}",
        "{\"state\":\"done\"}|state must be unread, read or archived",
        "{\"state\":\"READ\"}|state must be unread, read or archived",
        "{\"state\":null}|state must be unread, read or archived",
        "{\"state\":1}|state must be unread, read or archived",
        "{\"state\":\"read\",\"url\":\"https://e.org/\"}|a link has no field \"url\" that can be"
            + " changed; state, title, description, note and tags can",
        "{\"title\":7}|title must be text, or null for the fetched one",
        "{\"note\":[\"a\"]}|note must be text, or null for none",
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
    assertTrue(refused.getMessage().length() < 150, refused.getMessage());
  }

  @Test
  void textLongerThanItsFieldTakesIsRefusedSayingHowLong() {
    // 300 characters, one of them outside the Basic Multilingual Plane: counted as one.
    String title = "🔗" + "t".repeat(299);
    assertEquals(title, edit("title", title).title().text());
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> edit("title", title + "t"));
    assertEquals(
        "title must be at most 300 characters long; this one has 301", refused.getMessage());
    assertEquals(10_000, edit("note", "n".repeat(10_000)).note().text().length());
    assertThrows(IllegalArgumentException.class, () -> edit("note", "n".repeat(10_001)));
    assertThrows(IllegalArgumentException.class, () -> edit("description", "d".repeat(501)));
  }

  @Test
  void aTitleIsOneLineOfVisibleTextAndANoteKeepsItsLines() {
    assertEquals("My own title", edit("title", "  My\n own\u0000\u202Etitle ").title().text());
    assertEquals(
        "First line\n\n\tindented\nlast",
        edit("note", " First line\r\n\r\n\tindented\u0000\rlast \n").note().text());
  }

  @Test
  void blankTextAndNullTakeThePersonsTextAway() {
    assertEquals(null, edit("title", "  \n ").title().text());
    LinkEdit cleared = LinkEdit.fromJSON(json("{\"note\":null}"));
    assertEquals(null, cleared.note().text());
    assertEquals(null, cleared.title(), "left out, so left as it is");
  }

  @Test
  void thePersonsTitleAndDescriptionShowAndSayTheyAreTheirs() {
    Link edited =
        LinkEdit.fromJSON(json("{\"title\":\"Mine\",\"note\":\"Read <b>twice</b>\"}"))
            .applyTo(FETCHED, LATER);

    JsonObject shown = edited.toJSON();
    assertEquals("Mine", shown.getString("title"));
    assertEquals("Fetched description", shown.getString("description"));
    assertEquals("Read <b>twice</b>", shown.getString("note"));
    assertEquals(List.of("title"), edited(edited));
    assertEquals(LATER, edited.updatedAt());
  }

  @Test
  void aFetchKeepsWhatThePersonWroteAndNullGivesTheFetchedTitleBack() {
    Link edited =
        LinkEdit.fromJSON(json("{\"title\":\"Mine\",\"description\":\"My words\"}"))
            .applyTo(FETCHED, LATER);

    Link refetched =
        edited
            .refetching(LATER)
            .with(FetchResult.fetched(7, "New", "text/html", Details.NONE), LATER);
    assertEquals("Mine", refetched.toJSON().getString("title"));
    assertEquals("My words", refetched.toJSON().getString("description"));

    Link back = LinkEdit.fromJSON(json("{\"title\":null}")).applyTo(refetched, LATER);
    assertEquals("New", back.toJSON().getString("title"));
    assertEquals(List.of("description"), edited(back));
  }

  @Test
  void tagsGivenReplaceTheLinksAndNullTakesThemAway() {
    Link tagged = LinkEdit.fromJSON(json("{\"tags\":[\"B\",\"a\"]}")).applyTo(FETCHED, LATER);
    assertEquals(List.of("a", "b"), tagged.edits().tags().names());
    assertEquals("[\"a\",\"b\"]", tagged.toJSON().getJsonArray("tags").toString());

    Link kept = LinkEdit.fromJSON(json("{\"note\":\"n\"}")).applyTo(tagged, LATER);
    assertEquals(tagged.edits().tags(), kept.edits().tags());
    Link untagged = LinkEdit.fromJSON(json("{\"tags\":null}")).applyTo(kept, LATER);
    assertEquals(Tags.NONE, untagged.edits().tags());
  }

  @Test
  void anEditMovesTheLinkAndStampsIt() {
    Link link = Link.pending(7, "https://e.org/", SUBMITTED);
    LinkEdit read = LinkEdit.moveTo(LinkState.READ);

    assertTrue(read.changes(link));
    Link moved = read.applyTo(link, LATER);

    assertEquals(LinkState.READ, moved.state());
    assertEquals(LATER, moved.updatedAt());
    assertEquals(SUBMITTED, moved.submittedAt());
    assertEquals("read", moved.toJSON().getString("state"));
    assertFalse(read.changes(moved));
    assertFalse(LinkEdit.fromJSON(json("{\"note\":\"\"}")).changes(moved), "no note is no note");
  }

  private static List<String> edited(Link link) {
    return link.toJSON().getJsonArray("edited").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static LinkEdit edit(String field, String text) {
    return LinkEdit.fromJSON(Json.createObjectBuilder().add(field, text).build());
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
