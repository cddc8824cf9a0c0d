package dev.linkstream.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetsTest {

  private static final URI URL = URI.create("https://site.test/page");
  private static final String RUSSIAN = "Привет, мир — новости";
  private static final String JAPANESE = "日本語のページ「東京」";
  private static final String FRENCH = "Café crème à l’œuvre – 5 €";

  @Test
  void takesTheCharsetFromTheHeader() {
    byte[] page = page("", RUSSIAN, "windows-1251");
    assertEquals(RUSSIAN, title(page, "windows-1251"));
  }

  @Test
  void takesTheCharsetFromAMetaTag() {
    byte[] page = page("<meta charset=\"Shift_JIS\">", JAPANESE, "Shift_JIS");
    assertEquals(JAPANESE, title(page, null));
  }

  @Test
  void takesTheCharsetFromAnHttpEquivTag() {
    String meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">";
    assertEquals(FRENCH, title(page(meta, FRENCH, "windows-1252"), null));
  }

  @Test
  void readsIso88591AsBrowsersDoAsWindows1252() {
    assertEquals(FRENCH, title(page("", FRENCH, "windows-1252"), "ISO-8859-1"));
  }

  @Test
  void takesTheCharsetFromAnXmlDeclaration() {
    String xhtml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><head><title>";
    byte[] page =
        (xhtml + RUSSIAN + "</title></head></html>").getBytes(Charset.forName("windows-1251"));
    assertEquals(RUSSIAN, title(page, null));
  }

  @Test
  void aByteOrderMarkOverridesTheHeader() {
    byte[] page = page("", JAPANESE, "UTF-8");
    byte[] marked = new byte[page.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(page, 0, marked, 3, page.length);
    assertEquals(JAPANESE, title(marked, "ISO-8859-1"));
  }

  @Test
  void theHeaderOverridesAMetaTag() {
    byte[] page = page("<meta charset=\"windows-1252\">", RUSSIAN, "windows-1251");
    assertEquals(RUSSIAN, title(page, "windows-1251"));
  }

  @ParameterizedTest
  @CsvSource({"windows-1251", "Shift_JIS", "UTF-8"})
  void guessesTheCharsetOfAnUndeclaredPage(String charset) {
    String text = charset.equals("Shift_JIS") ? JAPANESE + JAPANESE : RUSSIAN + " " + RUSSIAN;
    byte[] page = page("<meta name=\"description\" content=\"" + text + "\">", text, charset);
    assertEquals(text, title(page, null));
  }

  @ParameterizedTest
  @CsvSource({"bogus", "utf-99", "'x;y'", "''", "'\"'", "iso-8859-1000"})
  void passesOverAnUnknownOrBogusCharset(String label) {
    assertEquals(FRENCH, title(page("<meta charset=\"" + label + "\">", FRENCH, "UTF-8"), label));
  }

  @Test
  void decodesUtf8CutOffInTheMiddleOfACharacter() {
    byte[] page = page("", JAPANESE, "UTF-8");
    byte[] cut = java.util.Arrays.copyOf(page, page.length + 2);
    cut[page.length] = (byte) 0xE6;
    cut[page.length + 1] = (byte) 0x97;
    assertEquals(JAPANESE, title(cut, null));
  }

  @Test
  void decodesPlainTextByItsOwnRulesWithoutMarkup() {
    byte[] text = (RUSSIAN + "\nsecond line").getBytes(Charset.forName("windows-1251"));
    assertEquals(RUSSIAN + "\nsecond line", Charsets.decodeText(text, "windows-1251"));
    assertEquals(RUSSIAN + "\nsecond line", Charsets.decodeText(text, null).strip());
  }

  private static byte[] page(String head, String title, String charset) {
    String html =
        "<!doctype html><html><head>"
            + head
            + "<title>"
            + title
            + "</title></head><body></body></html>";
    return html.getBytes(Charset.forName(charset));
  }

  private static String title(byte[] page, String headerCharset) {
    return HtmlReader.read(page, headerCharset, URL).title();
  }

  static {
    assertEquals(StandardCharsets.UTF_8, Charset.forName("utf8"));
  }
}
