package dev.linkstream.reading.control;

import dev.linkstream.links.entity.Details;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads a page's title and details from its markup. */
final class HtmlReader {

  static final int MAX_DESCRIPTION = 500;
  static final int MAX_URL = 2048;

  private HtmlReader() {}

  record Page(String title, Details details) {}

  static Page read(byte[] bytes, String headerCharset, URI url) {
    Document page = Jsoup.parse(Charsets.decodeMarkup(bytes, headerCharset), url.toString());
    String title = Titles.fromHtml(page).orElseGet(() -> Titles.fromUrl(url));
    return new Page(title, details(page));
  }

  static Details details(Document page) {
    return new Details(
        Meta.firstContent(page, "og:description", "description", "twitter:description")
            .map(text -> Titles.clean(text, MAX_DESCRIPTION))
            .orElse(null),
        Meta.firstContent(page, "og:site_name", "application-name").map(Titles::clean).orElse(null),
        Meta.link(page, "canonical")
            .or(() -> Meta.url(page, "og:url"))
            .flatMap(HtmlReader::web)
            .orElse(null),
        Meta.url(page, "og:image", "og:image:url", "og:image:secure_url", "twitter:image")
            .or(() -> Meta.link(page, "image_src"))
            .flatMap(HtmlReader::web)
            .orElse(null),
        Meta.link(page, "icon")
            .or(() -> Meta.link(page, "apple-touch-icon"))
            .flatMap(HtmlReader::web)
            .orElse(null),
        null);
  }

  /**
   * Only http and https URLs, in ASCII and of a storable length: clients put these in pages, where
   * a {@code javascript:} or a megabyte {@code data:} URL would do harm.
   */
  private static Optional<String> web(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String ascii = uri.toASCIIString();
      boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      return web && ascii.length() <= MAX_URL ? Optional.of(ascii) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
