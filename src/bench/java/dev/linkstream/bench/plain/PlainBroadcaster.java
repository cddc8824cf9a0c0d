package dev.linkstream.bench.plain;

import dev.linkstream.bench.LinkEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream as the textbook samples write it: each client's own sink registered with one {@link
 * SseBroadcaster}, every event broadcast. It answers the benchmark's requests as Linkstream does,
 * with the same events and no fetch, and keeps them in memory for a client that resumes by {@code
 * Last-Event-ID}, so that what it loses or repeats is the broadcaster's doing.
 */
@ApplicationScoped
@Path("links")
public class PlainBroadcaster {

  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"");

  private final List<OutboundSseEvent> history = new ArrayList<>();
  private final AtomicInteger subscribers = new AtomicInteger();
  private SseBroadcaster broadcaster;

  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void subscribe(
      @Context SseEventSink sink,
      @Context Sse sse,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
    sink.send(sse.newEventBuilder().comment("subscribed").reconnectDelay(3_000).build());
    // Under the lock that publishing takes: no event between the replay and the registration.
    synchronized (history) {
      int seen = lastEventId == null ? history.size() : Integer.parseInt(lastEventId.strip());
      for (int i = seen; i < history.size(); i++) {
        sink.send(history.get(i));
      }
      broadcaster(sse).register(sink);
      subscribers.incrementAndGet();
    }
  }

  @GET
  @Path("stream/subscribers")
  @Produces(MediaType.APPLICATION_JSON)
  public String subscribers() {
    return "{\"subscribers\":" + subscribers.get() + "}";
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(String body, @Context Sse sse) {
    Matcher url = URL.matcher(body);
    String link = url.find() ? url.group(1) : "";
    long id;
    synchronized (history) {
      id = history.size() / 2 + 1;
      publish(sse, id, link, "pending");
      publish(sse, id, link, "fetched");
    }
    return Response.accepted("{\"id\":" + id + "}").build();
  }

  private void publish(Sse sse, long linkId, String url, String status) {
    OutboundSseEvent event =
        sse.newEventBuilder()
            .name("link-update")
            .id(String.valueOf(history.size() + 1))
            .data(LinkEvent.json(linkId, url, status))
            .build();
    history.add(event);
    broadcaster(sse).broadcast(event);
  }

  private synchronized SseBroadcaster broadcaster(Sse sse) {
    if (broadcaster == null) {
      broadcaster = sse.newBroadcaster();
      broadcaster.onClose(sink -> subscribers.decrementAndGet());
    }
    return broadcaster;
  }
}
