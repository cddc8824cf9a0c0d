package dev.linkstream.links.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmittedUrlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' https://example.org/a?b=c '        | https://example.org/a?b=c",
        "HTTP://Example.ORG                   | http://example.org/",
        "http://example.org:80/a              | http://example.org/a",
        "https://example.org:443              | https://example.org/",
        "https://example.org:8443/            | https://example.org:8443/",
        "http://example.org:80                | http://example.org/",
        "https://example.org/a#section        | https://example.org/a",
        "https://example.org/a/./b/../c       | https://example.org/a/c",
        "https://example.org/Path?Q=A%2fB     | https://example.org/Path?Q=A%2fB",
        "https://bücher.example/straße        | https://xn--bcher-kva.example/stra%C3%9Fe",
        "https://BÜCHER.example:8080/         | https://xn--bcher-kva.example:8080/",
        "http://[::1]:8080/x                  | http://[::1]:8080/x",
      })
  void normalisesSoThatOnePageIsOneUrl(String input, String normal) {
    assertEquals(normal, SubmittedUrl.parse(input).toString());
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
        "https://example.org:99999/   | url has no valid port",
        "https://a@b/                 | url must not contain a user name or password",
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

  @Test
  void refusesControlCharacters() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubmittedUrl.parse("http://a/\0b"));
    assertEquals("url is not a valid URL: Illegal character in path", e.getMessage());
  }

  @Test
  void refusesUrlsTooLongOnceEncoded() {
    String url = "https://example.org/" + "é".repeat(1000);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SubmittedUrl.parse(url));
    assertEquals("url is longer than 2048 characters once encoded", e.getMessage());
  }
}
