package dev.linkstream.stream.control;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.lang.reflect.Type;

/** An outbound event without a JAX-RS runtime: an id and a name, or a comment. */
record Event(String getId, String getName, String getComment) implements OutboundSseEvent {

  static Event withId(long id) {
    return new Event(String.valueOf(id), "link-update", null);
  }

  static Event comment(String text) {
    return new Event(null, null, text);
  }

  @Override
  public Class<?> getType() {
    return String.class;
  }

  @Override
  public Type getGenericType() {
    return String.class;
  }

  @Override
  public MediaType getMediaType() {
    return MediaType.TEXT_PLAIN_TYPE;
  }

  @Override
  public Object getData() {
    return getId;
  }

  @Override
  public long getReconnectDelay() {
    return -1;
  }

  @Override
  public boolean isReconnectDelaySet() {
    return false;
  }
}
