package dev.linkstream.reading.control;

import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;

/** Reads a page's {@code <meta>} and {@code <link>} tags, as sites actually write them. */
final class Meta {

  private Meta() {}

  /** The content of the first meta tag with this name: Open Graph's property or a plain name. */
  static Optional<String> content(Document page, String name) {
    return Optional.ofNullable(
            page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]"))
        .map(tag -> tag.attr("content"))
        .filter(content -> !content.isBlank());
  }

  /** The first of these meta tags' content that is there. */
  static Optional<String> firstContent(Document page, String... names) {
    return Stream.of(names).map(name -> content(page, name)).flatMap(Optional::stream).findFirst();
  }

  /** The absolute URL in the first of these meta tags that has one. */
  static Optional<String> url(Document page, String... names) {
    return Stream.of(names)
        .map(name -> page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]"))
        .filter(tag -> tag != null)
        .map(tag -> tag.absUrl("content"))
        .filter(url -> !url.isEmpty())
        .findFirst();
  }

  /** The absolute URL of the first {@code <link>} with this relation, such as "canonical". */
  static Optional<String> link(Document page, String relation) {
    return page.select("link[href]").stream()
        .filter(link -> hasRelation(link.attr("rel"), relation))
        .map(link -> link.absUrl("href"))
        .filter(url -> !url.isEmpty())
        .findFirst();
  }

  private static boolean hasRelation(String rel, String relation) {
    return Stream.of(rel.trim().split("\\s+")).anyMatch(token -> token.equalsIgnoreCase(relation));
  }
}
