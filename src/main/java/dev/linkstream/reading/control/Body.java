package dev.linkstream.reading.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The bytes of a response body read up to a limit, and whether the body went on beyond it. */
record Body(byte[] bytes, boolean overLimit) {

  private static final int CHUNK = 8192;
  private static final int OVERLAP = 16;

  static Body read(InputStream in, int limit) throws IOException {
    return read(in, limit, null);
  }

  /**
   * Reads a page only as far as its title can come from: to the end of the head if a title was seen
   * in it, otherwise to the end of the first heading.
   */
  static Body readHead(InputStream in, int limit) throws IOException {
    return read(in, limit, new HeadEnd());
  }

  private static Body read(InputStream in, int limit, HeadEnd headEnd) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, CHUNK));
    byte[] chunk = new byte[CHUNK];
    int read;
    while ((read = in.read(chunk, 0, Math.min(CHUNK, limit + 1 - out.size()))) > 0) {
      out.write(chunk, 0, read);
      if (out.size() > limit) {
        return new Body(java.util.Arrays.copyOf(out.toByteArray(), limit), true);
      }
      if (headEnd != null && headEnd.seenIn(chunk, read)) {
        break;
      }
    }
    return new Body(out.toByteArray(), false);
  }

  /** Watches the markup go by, chunk by chunk, keeping a little of each for tags cut in two. */
  private static final class HeadEnd {
    private String tail = "";
    private boolean titled;

    boolean seenIn(byte[] chunk, int length) {
      String text = tail + new String(chunk, 0, length, StandardCharsets.ISO_8859_1);
      String markup = text.toLowerCase(Locale.ROOT);
      tail = text.substring(Math.max(0, text.length() - OVERLAP));
      titled |= markup.contains("<title") || markup.contains("og:title");
      return (titled && markup.contains("</head")) || markup.contains("</h1");
    }
  }
}
