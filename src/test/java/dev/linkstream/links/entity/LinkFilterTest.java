package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkFilterTest {

  @Test
  void noStateOrAllMeansEveryLink() {
    assertEquals(LinkFilter.ALL, LinkFilter.fromQuery(null));
    assertEquals(LinkFilter.ALL, LinkFilter.fromQuery(" "));
    assertEquals(LinkFilter.ALL, LinkFilter.fromQuery("all"));
    assertTrue(LinkFilter.ALL.everyState());
  }

  @Test
  void theInboxIsWhatIsNotArchived() {
    assertEquals(Set.of(LinkState.UNREAD, LinkState.READ), LinkFilter.fromQuery("inbox").states());
    assertFalse(LinkFilter.INBOX.everyState());
  }

  @Test
  void aStateIsAFilterOfItsOwn() {
    assertEquals(Set.of(LinkState.ARCHIVED), LinkFilter.fromQuery(" archived ").states());
  }

  @ParameterizedTest
  @ValueSource(strings = {"new", "Unread", "unread,read", "every"})
  void anythingElseIsRefusedSayingWhatThereIs(String state) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> LinkFilter.fromQuery(state));
    assertEquals(
        "state must be unread, read, archived, inbox (unread and read) or all",
        refused.getMessage());
  }
}
