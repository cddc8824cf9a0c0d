package dev.linkstream.reading.control;

import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.FetchResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;

/**
 * Turns a downloaded document of any type into a title, content type and details, reading no more
 * of it than that takes. Only a document that says it is HTML, or says nothing and looks like it,
 * is parsed as HTML.
 */
public final class DocumentReader {

  static final String PDF = "application/pdf";
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
  private static final String UNKNOWN = "application/octet-stream";
  private static final int SNIFF_BYTES = 512;
  private static final String UTF8_BOM = "\u00EF\u00BB\u00BF";
  private static final int TEXT_BYTES = 16 * 1024;
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
  private static final Pattern HTML_START =
      Pattern.compile(
          "^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|title)[\\s>].*", Pattern.DOTALL);

  final int maxBytes;
  final int maxPdfBytes;

  public DocumentReader(int maxBytes, int maxPdfBytes) {
    this.maxBytes = maxBytes;
    this.maxPdfBytes = maxPdfBytes;
  }

  public FetchResult read(long linkId, Download response) throws IOException, TooLarge {
    ContentType declared = ContentType.parseLenient(response.contentType());
    String charset = declared == null ? null : declared.getParameter("charset");
    InputStream body = new BufferedInputStream(response.body(), SNIFF_BYTES);
    String type = type(declared, body);
    URI url = response.url();
    if (HTML.contains(type)) {
      return html(linkId, response, body, charset, type);
    }
    if (type.equals(PDF)) {
      return pdf(linkId, response, body);
    }
    if (type.startsWith("text/")) {
      Body start = Body.read(body, Math.min(TEXT_BYTES, maxBytes));
      String title = Titles.firstLine(Charsets.decodeText(start.bytes(), charset)).orElse(null);
      return named(linkId, url, type, title);
    }
    return named(linkId, url, type, null);
  }

  private FetchResult html(
      long linkId, Download response, InputStream body, String charset, String type)
      throws IOException, TooLarge {
    if (response.length() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    Body page = Body.readHead(body, maxBytes);
    if (page.overLimit()) {
      throw tooLarge(maxBytes);
    }
    HtmlReader.Page read = HtmlReader.read(page.bytes(), charset, response.url());
    return FetchResult.fetched(linkId, read.title(), type, read.details());
  }

  /** A PDF too large to read is still a good link: it is named by its URL then. */
  private FetchResult pdf(long linkId, Download response, InputStream body) throws IOException {
    if (response.length() > maxPdfBytes) {
      return named(linkId, response.url(), PDF, null);
    }
    Body file = Body.read(body, maxPdfBytes);
    if (file.overLimit()) {
      return named(linkId, response.url(), PDF, null);
    }
    return PdfReader.read(file.bytes())
        .map(
            pdf ->
                FetchResult.fetched(
                    linkId,
                    pdf.title().orElseGet(() -> Titles.fromUrl(response.url())),
                    PDF,
                    Details.pages(pdf.pages())))
        .orElseGet(() -> named(linkId, response.url(), PDF, null));
  }

  private static FetchResult named(long linkId, URI url, String type, String title) {
    return FetchResult.fetched(
        linkId, title != null ? title : Titles.fromUrl(url), type, Details.NONE);
  }

  /** The type as sent, unless it is missing or says nothing: then what the first bytes show. */
  private static String type(ContentType declared, InputStream body) throws IOException {
    String name = declared == null ? "" : declared.getMimeType().toLowerCase(Locale.ROOT);
    boolean valid = MEDIA_TYPE.matcher(name).matches();
    if (valid && !name.equals(UNKNOWN)) {
      return name;
    }
    body.mark(SNIFF_BYTES);
    String start = new String(body.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    body.reset();
    start = start.startsWith(UTF8_BOM) ? start.substring(UTF8_BOM.length()) : start;
    if (start.startsWith("%PDF-")) {
      return PDF;
    }
    boolean html = !valid && HTML_START.matcher(start.toLowerCase(Locale.ROOT)).matches();
    return html ? "text/html" : UNKNOWN;
  }

  static TooLarge tooLarge(int limit) {
    return new TooLarge("larger than " + size(limit));
  }

  static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }
}
