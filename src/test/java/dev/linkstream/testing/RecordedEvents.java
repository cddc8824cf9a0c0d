package dev.linkstream.testing;

import dev.linkstream.platform.control.StoreException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for CDI's {@link Event} outside a container: keeps what was fired. The first {@code
 * refusals} asynchronous deliveries fail, as they do while LinkStore's database is down.
 */
public final class RecordedEvents<T> implements Event<T> {

  public final List<T> fired = new CopyOnWriteArrayList<>();
  public final AtomicInteger offered = new AtomicInteger();
  public int refusals;

  @Override
  public void fire(T event) {
    fired.add(event);
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event) {
    if (offered.incrementAndGet() <= refusals) {
      StoreException down = new StoreException(new SQLException("down", "08001"));
      return CompletableFuture.failedFuture(new CompletionException(down));
    }
    fired.add(event);
    return CompletableFuture.completedFuture(event);
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    return fireAsync(event);
  }

  @Override
  public Event<T> select(Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }
}
