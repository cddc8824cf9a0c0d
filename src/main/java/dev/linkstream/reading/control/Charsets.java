package dev.linkstream.reading.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a document's bytes into text the way browsers do: a byte order mark first, then the charset
 * the response header names, then the one the markup declares, then a guess from the bytes
 * themselves. A charset that is unknown or bogus is passed over, never an error.
 */
final class Charsets {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int PRESCAN_BYTES = 4096;
  private static final Pattern DECLARED =
      Pattern.compile(
          "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)"
              + "|^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([a-z0-9_.:-]+)");
  // Labels browsers read as a superset, because that is what such pages are really written in.
  private static final Map<String, String> SUPERSETS =
      Map.of(
          "iso-8859-1", "windows-1252",
          "latin1", "windows-1252",
          "us-ascii", "windows-1252",
          "ascii", "windows-1252",
          "shift_jis", "windows-31j",
          "sjis", "windows-31j",
          "gb2312", "gb18030",
          "gbk", "gb18030");

  private Charsets() {}

  static String decodeMarkup(byte[] bytes, String headerCharset) {
    return decode(bytes, headerCharset, true);
  }

  static String decodeText(byte[] bytes, String headerCharset) {
    return decode(bytes, headerCharset, false);
  }

  private static String decode(byte[] bytes, String headerCharset, boolean markup) {
    Charset charset =
        byteOrderMark(bytes)
            .or(() -> known(headerCharset))
            .or(() -> markup ? declared(bytes) : Optional.empty())
            .orElseGet(() -> guess(bytes));
    String text = new String(bytes, charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Optional<Charset> byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /** A charset in the markup's first bytes: {@code <meta charset>}, http-equiv, or XML's. */
  private static Optional<Charset> declared(byte[] bytes) {
    String start =
        new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher declaration = DECLARED.matcher(start.toLowerCase(Locale.ROOT));
    if (!declaration.find()) {
      return Optional.empty();
    }
    String label = declaration.group(1) != null ? declaration.group(1) : declaration.group(2);
    // Markup read as ASCII cannot really be UTF-16; browsers take such a declaration as UTF-8.
    return label.startsWith("utf-16") ? Optional.of(StandardCharsets.UTF_8) : known(label);
  }

  static Optional<Charset> known(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String name = label.strip().toLowerCase(Locale.ROOT).replace("\"", "");
    name = SUPERSETS.getOrDefault(name, name);
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** UTF-8 if the bytes are valid UTF-8 (other encodings almost never are), else a detector's. */
  private static Charset guess(byte[] bytes) {
    if (isUtf8(bytes)) {
      return StandardCharsets.UTF_8;
    }
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    return known(detector.getDetectedCharset()).orElse(WINDOWS_1252);
  }

  /** Whether the bytes are UTF-8, a character cut off at the end (where reading stopped) aside. */
  private static boolean isUtf8(byte[] bytes) {
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), false);
    return !result.isError();
  }
}
