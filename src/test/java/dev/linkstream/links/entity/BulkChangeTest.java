package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.platform.entity.Jsonp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkChangeTest {

  @Test
  void aChangeNamesItsLinksOnceAndWhatToDo() {
    BulkChange change = parse("{\"ids\":[3,1,3],\"state\":\"read\",\"addTags\":[\"Java\"]}");

    assertEquals(List.of(3L, 1L), change.ids());
    assertEquals(LinkState.READ, change.state());
    assertEquals(List.of("java"), change.addTags());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"ids\":[],\"delete\":true}|ids must be an array",
        "{\"ids\":[1.5],\"delete\":true}|ids must be an array",
        "{\"ids\":[1]}|either deletes or changes",
        "{\"ids\":[1],\"delete\":true,\"state\":\"read\"}|either deletes or changes",
        "{\"ids\":[1],\"state\":\"done\"}|state must be",
        "{\"ids\":[1],\"title\":\"x\"}|no field \"title\"",
        "{\"ids\":[1],\"addTags\":[\"a,b\"]}|has a comma"
      })
  void aBadChangeIsExplained(String json, String reason) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> parse(json));
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }

  @Test
  void atMost500LinksAtOnce() {
    String ids = "1" + ",1".repeat(499);
    assertEquals(List.of(1L), parse("{\"ids\":[" + ids + "],\"delete\":true}").ids());
    String many =
        String.join(
            ",", java.util.stream.IntStream.rangeClosed(1, 501).mapToObj(String::valueOf).toList());
    assertThrows(
        IllegalArgumentException.class, () -> parse("{\"ids\":[" + many + "],\"delete\":true}"));
  }

  private static BulkChange parse(String json) {
    try (var reader = Jsonp.reader(json)) {
      return BulkChange.fromJSON(reader.readObject());
    }
  }
}
