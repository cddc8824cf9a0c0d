package dev.linkstream.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void oneLineIsVisibleTextWithOneSpaceForAnySpacing() {
    assertEquals("a b c", Text.oneLine(" a\r\n\tb\u00A0\u2028c\u0000 "));
    assertEquals("evil", Text.oneLine("\u202Eev\u2066il\uD800"));
  }

  @Test
  void linesKeepTheirEndsAndTabsAndLoseOtherControls() {
    assertEquals("one\ntwo\n\n\tthree", Text.lines("  one\r\ntwo\r\r\tthr\u0000ee\u2029"));
  }

  @Test
  void lengthCountsWhatAPersonSeesAsOneCharacterOnce() {
    assertEquals(3, Text.length("a🔗é"));
  }
}
