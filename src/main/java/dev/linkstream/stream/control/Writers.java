package dev.linkstream.stream.control;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of writer loops on threads of their own, fed through a queue.
 *
 * <p>Handing every write to a managed executor instead makes it capture the thread context anew,
 * and on Payara that is a ServiceLoader scan of the application's jars per task: a fifth of the
 * server's CPU in the benchmark, with a task per subscriber per event. Nor are the loops long tasks
 * on a managed executor: Open Liberty's stop waits up to 30 s for such tasks to end before it stops
 * the application, and only stopping the application ends them.
 */
public final class Writers implements Executor, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Writers.class.getName());
  private static final Runnable STOP = () -> {};

  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final AtomicInteger ended = new AtomicInteger();
  private final int loops;

  public Writers(ThreadFactory threads, int loops) {
    this.loops = loops;
    for (int i = 0; i < loops; i++) {
      threads.newThread(this::loop).start();
    }
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** True until a loop ends, by {@link #close()} or by an error no task should have thrown. */
  public boolean allRunning() {
    return ended.get() == 0;
  }

  private void loop() {
    try {
      Runnable task;
      while ((task = tasks.take()) != STOP) {
        run(task);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ended.incrementAndGet();
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // A task that fails must not take its loop with it.
      LOG.log(Level.WARNING, "A stream write failed unexpectedly", e);
    }
  }

  /** Ends every loop once the tasks queued before it have run. */
  @Override
  public void close() {
    for (int i = 0; i < loops; i++) {
      tasks.add(STOP);
    }
  }
}
