package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmittedUrlTest {

  @Test
  void acceptsAbsoluteHttpAndHttpsUrls() {
    assertEquals(
        "https://example.org/a?b=c", SubmittedUrl.parse(" https://example.org/a?b=c ").toString());
    assertEquals("HTTP://example.org", SubmittedUrl.parse("HTTP://example.org").toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                           | url is required",
        "ftp://example.org/file       | url must be an absolute http:// or https:// URL",
        "/relative/path               | url must be an absolute http:// or https:// URL",
        "javascript:alert(1)          | url must be an absolute http:// or https:// URL",
        "http:///path                 | url has no valid host",
        "https://user:pw@example.org/ | url must not contain a user name or password",
        "https://exa mple.org/        | url is not a valid URL: Illegal character in authority",
      })
  void explainsWhatIsWrong(String input, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubmittedUrl.parse(input));
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesOversizedUrls() {
    String url = "https://example.org/" + "a".repeat(SubmittedUrl.MAX_LENGTH);
    assertThrows(IllegalArgumentException.class, () -> SubmittedUrl.parse(url));
  }
}
