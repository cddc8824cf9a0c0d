package dev.linkstream.reading.control;

import dev.linkstream.platform.entity.Text;
import java.net.URI;
import java.text.BreakIterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the name a page gives itself, a fallback name for anything that is not a page, and makes
 * any text from an origin safe to store and show.
 */
public final class Titles {

  public static final int MAX_LENGTH = 300;

  private Titles() {}

  /**
   * The article's own name first: a site's {@code <title>} often appends the site's name, and its
   * {@code og:title} does not.
   */
  static Optional<String> fromHtml(Document page) {
    return Stream.of(
            Meta.content(page, "og:title"),
            Optional.of(page.title()),
            Meta.content(page, "twitter:title"),
            Optional.ofNullable(page.selectFirst("h1")).map(Element::text))
        .flatMap(Optional::stream)
        .map(Titles::clean)
        .filter(title -> !title.isEmpty())
        .findFirst();
  }

  /** The file name: the URL's last path segment, decoded, or its host. */
  static String fromUrl(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = clean(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    return name.isEmpty() ? url.getHost() : name;
  }

  /** The first line of a text that has any words in it. */
  static Optional<String> firstLine(String text) {
    return text.lines().map(Titles::clean).filter(line -> !line.isEmpty()).findFirst();
  }

  static String clean(String raw) {
    return clean(raw, MAX_LENGTH);
  }

  /** Visible text on one line, at most {@code max} characters, never cut inside a character. */
  static String clean(String raw, int max) {
    String text = Text.oneLine(raw);
    if (text.length() <= max) {
      return text;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    int end = characters.preceding(max);
    return text.substring(0, end).strip() + "…";
  }
}
