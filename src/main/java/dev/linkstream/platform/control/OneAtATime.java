package dev.linkstream.platform.control;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a piece of work one at a time, and no caller waits for it: a call while it runs only has it
 * run once more when it ends, however many such calls come. A failure goes to {@code failed} and
 * ends nothing; the next call runs it again.
 */
public final class OneAtATime {

  private final Runnable work;
  private final Consumer<RuntimeException> failed;
  private final AtomicInteger wanted = new AtomicInteger();

  public OneAtATime(Runnable work, Consumer<RuntimeException> failed) {
    this.work = work;
    this.failed = failed;
  }

  /** Never throws: it may run on a schedule, which a throw would end. */
  public void run() {
    if (wanted.getAndIncrement() != 0) {
      return;
    }
    int seen = 1;
    do {
      try {
        work.run();
      } catch (RuntimeException e) {
        failed.accept(e);
      }
      seen = wanted.addAndGet(-seen);
    } while (seen != 0);
  }
}
