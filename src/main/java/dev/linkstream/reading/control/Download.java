package dev.linkstream.reading.control;

import java.io.InputStream;
import java.net.URI;

/**
 * A document as it arrives: where it came from after redirects, the content type the origin
 * declared (or null), the length it declared (-1 if none, 0 without a body), and the body, which
 * must be read before the reader returns.
 */
public record Download(URI url, String contentType, long length, InputStream body) {}
