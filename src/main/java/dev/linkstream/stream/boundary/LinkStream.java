package dev.linkstream.stream.boundary;

import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.LinkEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * Owns the stream: every subscriber and every event sent to them. Events reach subscribers in id
 * order because one drain at a time sends whatever the store recorded since the last one sent, no
 * matter in which order the notifications arrive.
 */
@Path("links/stream")
@ApplicationScoped
public class LinkStream {

  @Context Sse sse;
  @Inject LinkStore store;

  private static final int BATCH = 500;

  private SseBroadcaster broadcaster;
  private long lastSent;

  @PostConstruct
  void open() {
    broadcaster = sse.newBroadcaster();
    lastSent = store.lastEventId();
  }

  @PreDestroy
  void close() {
    broadcaster.close();
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void subscribe(@Context SseEventSink sink) {
    // Registered first, so a client that has seen the headers misses no later change; the runtime
    // sends the headers with the first write, not before.
    broadcaster.register(sink);
    sink.send(sse.newEventBuilder().comment("subscribed").build());
  }

  void onChange(@ObservesAsync LinkEvent change) {
    drain();
  }

  private synchronized void drain() {
    List<LinkEvent> events;
    while (!(events = store.eventsAfter(lastSent, BATCH)).isEmpty()) {
      events.forEach(this::send);
    }
  }

  private void send(LinkEvent event) {
    broadcaster.broadcast(
        sse.newEventBuilder()
            .id(String.valueOf(event.id()))
            .name(event.name())
            .data(event.data())
            .build());
    lastSent = event.id();
  }
}
