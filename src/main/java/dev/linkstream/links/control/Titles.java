package dev.linkstream.links.control;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the name a page gives itself, and a fallback name for anything that is not a page. */
final class Titles {

  static final int MAX_LENGTH = 300;
  // Bidi controls, and lone surrogates, which no database or encoder stores faithfully.
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cs}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern SPACING = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");

  private Titles() {}

  /** The article's own name first: a site's {@code <title>} often appends the site's name. */
  static Optional<String> fromHtml(Document page) {
    return Stream.of(
            meta(page, "meta[property=og:title]"),
            Optional.of(page.title()),
            meta(page, "meta[name=twitter:title]"),
            Optional.ofNullable(page.selectFirst("h1")).map(Element::text))
        .flatMap(Optional::stream)
        .map(Titles::clean)
        .filter(title -> !title.isEmpty())
        .findFirst();
  }

  static String fromUrl(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = clean(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    return name.isEmpty() ? url.getHost() : name;
  }

  static String clean(String raw) {
    String visible = INVISIBLE.matcher(raw).replaceAll("");
    String text = SPACING.matcher(visible).replaceAll(" ").strip();
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).strip() + "…";
  }

  private static Optional<String> meta(Document page, String selector) {
    return Optional.ofNullable(page.selectFirst(selector)).map(tag -> tag.attr("content"));
  }
}
