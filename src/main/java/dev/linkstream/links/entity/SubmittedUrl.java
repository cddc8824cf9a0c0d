package dev.linkstream.links.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** A URL as accepted for fetching: absolute http or https, with a host and no credentials. */
public record SubmittedUrl(URI uri) {

  public static final int MAX_LENGTH = 2048;
  private static final Set<String> SCHEMES = Set.of("http", "https");

  /**
   * @throws IllegalArgumentException with a message for the person who submitted it
   */
  public static SubmittedUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url is longer than " + MAX_LENGTH + " characters");
    }
    URI uri = toUri(trimmed);
    String scheme = uri.getScheme();
    if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("url must be an absolute http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("url has no valid host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url must not contain a user name or password");
    }
    return new SubmittedUrl(uri);
  }

  private static URI toUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a valid URL: " + e.getReason());
    }
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
