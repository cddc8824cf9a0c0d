package dev.linkstream.links.entity;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * A URL as accepted for fetching: absolute http or https, with a host and no credentials, in one
 * normal form so that the same page submitted twice is recognised as one link. The normal form is
 * ASCII: non-ASCII host names become punycode, other non-ASCII characters are percent-encoded.
 */
public record SubmittedUrl(URI uri) {

  public static final int MAX_LENGTH = 2048;
  private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443);

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
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !DEFAULT_PORTS.containsKey(scheme) || uri.isOpaque()) {
      throw new IllegalArgumentException("url must be an absolute http:// or https:// URL");
    }
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    if (authority.contains("@")) {
      throw new IllegalArgumentException("url must not contain a user name or password");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    URI result = toUri(scheme + "://" + host(uri, authority, scheme) + path + query).normalize();
    if (result.toASCIIString().length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "url is longer than " + MAX_LENGTH + " characters once encoded");
    }
    return new SubmittedUrl(URI.create(result.toASCIIString()));
  }

  /** The host, lower case, with the port unless it is the scheme's default. */
  private static String host(URI uri, String authority, String scheme) {
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null) {
      // java.net.URI accepts only ASCII host names: read an internationalised one by hand.
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? -1 : port(authority.substring(colon + 1));
      host = ascii(host);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("url has no valid host");
    }
    if (port > 65_535) {
      throw new IllegalArgumentException("url has no valid port");
    }
    host = host.toLowerCase(Locale.ROOT);
    return port < 0 || port == DEFAULT_PORTS.get(scheme) ? host : host + ":" + port;
  }

  private static String ascii(String host) {
    try {
      return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url has no valid host");
    }
  }

  private static int port(String text) {
    try {
      return text.isEmpty() ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("url has no valid port");
    }
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
