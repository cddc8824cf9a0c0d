package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagsTest {

  @Test
  void tagsAreLowerCaseTidiedSortedAndEachOnce() {
    assertEquals(
        List.of("jakarta ee", "java", "ünïcode"),
        Tags.fromJSON(json("[\" Java \",\"JAKARTA\\n  EE\",\"java\",\"ÜNÏCODE\"]")).names());
    assertEquals(List.of("a", "b"), Tags.fromText(" B, a,, ,A ").names());
    assertEquals(Tags.NONE, Tags.fromText(null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"java\"|tags must be an array of text, such as [\"java\"]",
        "[1]|tags must be an array of text, such as [\"java\"]",
        "[\" \"]|a tag must have 1 to 50 characters",
        "[\"a,b\"]|tag \"a,b\" has a comma: give each tag as an item of its own",
      })
  void aTagThatCannotBeOneIsRefusedSayingWhy(String tags, String why) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromJSON(json(tags)));
    assertEquals(why, refused.getMessage());
  }

  @Test
  void aTagHasAtMostFiftyCharactersAndALinkAtMostTwentyTags() {
    String fifty = "🔗".repeat(50);
    assertEquals(List.of(fifty), Tags.fromText(fifty).names());
    IllegalArgumentException long_ =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromText(fifty + "x"));
    assertEquals(
        "tag \"" + "🔗".repeat(20) + "…\" is longer than 50 characters", long_.getMessage());

    StringBuilder many = new StringBuilder();
    for (int n = 0; n < 21; n++) {
      many.append("t").append(n).append(',');
    }
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromText(many.toString()));
    assertEquals("a link may have at most 20 tags, not 21", tooMany.getMessage());
    Tags twenty = Tags.fromText(many.substring(many.indexOf(",") + 1));
    assertThrows(IllegalArgumentException.class, () -> twenty.and(List.of("one more")));
    assertEquals(twenty, twenty.and(List.of("t1")));
  }

  @Test
  void aTagIsRenamedMergedOrTakenOut() {
    Tags tags = Tags.fromText("a, b, c");
    assertEquals(List.of("b", "c", "z"), tags.replacing("a", "z").names());
    assertEquals(List.of("b", "c"), tags.replacing("a", "b").names());
    assertEquals(List.of("a", "c"), tags.replacing("b", null).names());
    assertEquals(tags, tags.replacing("x", "y"));
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }
}
