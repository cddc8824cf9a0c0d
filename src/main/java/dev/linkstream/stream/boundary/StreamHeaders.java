package dev.linkstream.stream.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps caches and buffering proxies (nginx reads X-Accel-Buffering) from holding events back, and
 * compression too: a compressor waits for a full block, which a stream may take minutes to fill.
 */
@Provider
public class StreamHeaders implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(response.getMediaType())) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
      response.getHeaders().putSingle("X-Accel-Buffering", "no");
      response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, "identity");
    }
  }
}
