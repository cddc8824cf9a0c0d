package dev.linkstream.reading.control;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF's own title and page count. */
final class PdfReader {

  private PdfReader() {}

  record Pdf(Optional<String> title, int pages) {}

  /**
   * The title from the document's metadata, else the first line of text on its first page.
   *
   * @return empty if the bytes are not a PDF that can be read without a password
   */
  static Optional<Pdf> read(byte[] bytes) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      Optional<String> title =
          Optional.ofNullable(document.getDocumentInformation().getTitle())
              .map(Titles::clean)
              .filter(text -> !text.isEmpty())
              .or(() -> firstLine(document));
      return Optional.of(new Pdf(title, document.getNumberOfPages()));
    } catch (IOException | RuntimeException e) {
      // Broken, truncated or encrypted: a hostile file is named by its URL, not a failure.
      return Optional.empty();
    }
  }

  private static Optional<String> firstLine(PDDocument document) {
    try {
      PDFTextStripper text = new PDFTextStripper();
      text.setStartPage(1);
      text.setEndPage(1);
      return Titles.firstLine(text.getText(document));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
