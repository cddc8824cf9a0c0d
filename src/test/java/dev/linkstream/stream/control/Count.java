package dev.linkstream.stream.control;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;

/** A counter as a test reads it. */
final class Count implements Counter {

  private final AtomicLong count = new AtomicLong();

  @Override
  public void inc() {
    count.incrementAndGet();
  }

  @Override
  public void inc(long n) {
    count.addAndGet(n);
  }

  @Override
  public long getCount() {
    return count.get();
  }
}
