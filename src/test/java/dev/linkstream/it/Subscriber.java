package dev.linkstream.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Follows the stream with the JAX-RS client and keeps every event it receives, in order. */
final class Subscriber implements AutoCloseable {

  record Received(long id, String name, JsonObject data) {}

  private final SseEventSource source;
  private final List<Received> received = new ArrayList<>();

  Subscriber(WebTarget stream) {
    source = SseEventSource.target(stream).build();
    source.register(this::onEvent);
    source.open();
  }

  private synchronized void onEvent(InboundSseEvent event) {
    if (event.getName() == null) {
      return;
    }
    JsonObject data = Json.createReader(new StringReader(event.readData())).readObject();
    received.add(new Received(Long.parseLong(event.getId()), event.getName(), data));
    notifyAll();
  }

  /** Waits until what was received satisfies the condition, and fails after the deadline. */
  synchronized List<Received> await(Predicate<List<Received>> condition, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.test(received)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("condition not met within " + deadline + "; received " + received);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(received);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    source.close();
  }
}
