package dev.linkstream.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Documents for origins to serve, made in code so every fixture shows what it contains. */
public final class Documents {

  private Documents() {}

  /**
   * A PDF of {@code pages} pages whose first reads {@code firstLine}, titled if title isn't null.
   */
  public static byte[] pdf(String title, String firstLine, int pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int n = 0; n < pages; n++) {
        PDPage page = new PDPage();
        document.addPage(page);
        if (n == 0 && firstLine != null) {
          try (PDPageContentStream text = new PDPageContentStream(document, page)) {
            text.beginText();
            text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
            text.newLineAtOffset(72, 700);
            text.showText(firstLine);
            text.endText();
          }
        }
      }
      document.getDocumentInformation().setTitle(title);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
