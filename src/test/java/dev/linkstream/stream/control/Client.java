package dev.linkstream.stream.control;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A client's sink as a test controls it: it records what reaches it and answers as told. */
final class Client implements SseEventSink {

  final List<OutboundSseEvent> received = new CopyOnWriteArrayList<>();
  Supplier<CompletionStage<?>> answer = () -> CompletableFuture.completedFuture(null);
  volatile boolean closed;

  @Override
  public CompletionStage<?> send(OutboundSseEvent event) {
    received.add(event);
    return answer.get();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  List<String> ids() {
    return received.stream().map(OutboundSseEvent::getId).filter(id -> id != null).toList();
  }
}
