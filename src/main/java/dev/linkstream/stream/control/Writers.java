package dev.linkstream.stream.control;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writer loops on threads of their own, fed through a queue: a fixed number of them, and more while
 * loops are held in one write for longer than {@link #STUCK_AFTER}, spare ones first, so that a
 * client that stops reading can take a thread but never the others' turn.
 *
 * <p>On Payara a write to a client whose TCP window is full blocks its thread, for up to Grizzly's
 * own write timeout (60 s), whatever the future it returns says; closing the stream does not end
 * that write. Each subscription writes on one loop at a time, so the loops held so are at most the
 * streams open; the loops in all are capped, and those beyond the fixed number end as soon as they
 * find nothing to do, or wait as spare ones again.
 *
 * <p>Spare loops are started beforehand and wait apart from the queue until a rescue calls them,
 * because starting a thread is slow exactly when loops are wanted: on a loaded server each start
 * waits for the new thread to be scheduled, 2.2 ms on average in the benchmark among clients that
 * stalled together, where one rescue that started 131 loops took 340 ms while the rest of an
 * event's fan-out waited for them. Apart, not polling the queue with the others, so that they do
 * not take turns at the work and each keep a deep stack in memory.
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

  /**
   * How long one task may keep its loop parked before other loops take its place. A write to a
   * client that reads parks its thread only while that client's buffers are full, so this can be
   * short enough that a client stalling in the middle of an event's fan-out delays the rest of it
   * by little; a task that parks for long for another reason only costs two threads for a while.
   */
  public static final Duration STUCK_AFTER = Duration.ofMillis(20);

  /**
   * How long the loops beyond the fixed number stay after a rescue last started some. Stuck writes
   * come in bursts (a heartbeat to thousands, a reconnect storm, clients that stall together), and
   * loops that ended the moment the queue was empty were started again by the next rescue: 22,758
   * threads in the benchmark's 100 s among stalled clients on Open Liberty, where starting a
   * managed thread captures its context, rather than 568.
   */
  static final Duration LINGER = Duration.ofSeconds(1);

  // Runnables, and batches of them. Lock-free: when the fan-out still added a task per idle
  // subscriber per event while 32 loops polled, a LinkedBlockingQueue's locks took 7% of a server's
  // CPU in the benchmark.
  private final BlockingQueue<Object> tasks = new LinkedTransferQueue<>();
  private final Set<Loop> loops = ConcurrentHashMap.newKeySet();
  // Loops not in a task: counted, not found by walking the loops, as every loop that finds the
  // queue
  // empty asks; in a reconnect storm, hundreds walking hundreds under one lock kept them all
  // waiting.
  private final AtomicInteger free = new AtomicInteger();
  private volatile long lastRescued = System.nanoTime() - LINGER.toNanos();
  private final AtomicInteger failed = new AtomicInteger();
  private final Queue<Loop> spares = new ConcurrentLinkedQueue<>();
  private final ThreadFactory threads;
  private final int fixed;
  private final int spare;
  private final int most;
  private boolean closed;

  /**
   * @param fixed the loops a batch is spread over, and that rescues keep free for new tasks
   * @param spare loops started beforehand beyond those, and kept, to take over from stuck ones
   *     without a thread start
   * @param most the loops there may be in all, counting those held by a stuck task
   */
  public Writers(ThreadFactory threads, int fixed, int spare, int most) {
    this.threads = threads;
    this.fixed = fixed;
    this.most = Math.max(fixed, most);
    this.spare = Math.max(0, Math.min(spare, this.most - fixed));
    for (int i = 0; i < fixed; i++) {
      start();
    }
    for (int i = 0; i < this.spare; i++) {
      Loop loop = new Loop(true);
      spares.add(loop);
      threads.newThread(loop).start();
    }
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /**
   * Runs every task of the batch once, on as many loops as there are tasks, up to the fixed number:
   * a queue entry per loop rather than per task, and per event rather than per subscriber when the
   * tasks are the writers one event woke. A task that holds its loop leaves the rest of the batch
   * to the others, and to the loop that stands in for it.
   */
  public void executeAll(List<Runnable> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Batch shared = new Batch(batch);
    for (int i = Math.min(fixed, batch.size()); i > 0; i--) {
      tasks.add(shared);
    }
  }

  /** True until {@link #close()}, or until a loop ends by an error no task should have thrown. */
  public synchronized boolean allRunning() {
    return !closed && failed.get() == 0;
  }

  /** How many loops there are, stuck and spare ones included: each a thread. */
  public int loops() {
    return loops.size() + spares.size();
  }

  /**
   * Puts two loops to work for each one newly found held by a task for longer than {@link
   * #STUCK_AFTER}, and at least enough that the fixed number are free to take new tasks: spare ones
   * while there are some, then new ones; to be called often, at a fraction of that time.
   *
   * <p>Two, not one: clients that stop reading tend to stall together, at the same event, and
   * whatever comes next for them in the queue (the rest of that event's batch, or their
   * connections' closing, which on Open Liberty waits for the stuck write) would block as many
   * loops again. Doubling the loops at each rescue gets past 200 of them in a few rescues rather
   * than 200 ÷ 32.
   *
   * @return how many loops it put to work
   */
  public synchronized int rescue(long nanoTime) {
    List<Loop> stuck = loops.stream().filter(loop -> loop.stuck(nanoTime)).toList();
    int newlyStuck = 0;
    for (Loop loop : stuck) {
      if (!loop.stoodInFor) {
        loop.stoodInFor = true;
        newlyStuck++;
        // The batch a stuck loop was running goes back to the queue for its two stand-ins.
        handOn(loop.batch, 2);
      }
    }
    int wanted = Math.max(fixed, 2 * newlyStuck);
    // Counted once, before the first start: a loop started here ends at once if it finds the queue
    // empty once this rescue is older than the linger, and counting again after each start would
    // start another in its place, on and on. On a saturated Payara, where threads are slow to
    // start, one rescue did that for minutes: 23,000 threads, not one of them counted as started.
    int starting =
        closed ? 0 : Math.min(most - loops.size(), wanted - (loops.size() - stuck.size()));
    starting = Math.max(starting, 0);
    for (int i = 0; i < starting; i++) {
      // Before the loop starts: it may find the queue empty at once.
      lastRescued = nanoTime;
      Loop called = spares.poll();
      if (called == null) {
        start();
      } else {
        loops.add(called);
        free.incrementAndGet();
        called.call(true);
      }
    }
    return starting;
  }

  // Whatever is left of a batch a loop cannot finish, for other loops to take.
  private void handOn(Batch batch, int loops) {
    if (batch != null && batch.hasMore()) {
      for (int i = 0; i < loops; i++) {
        tasks.add(batch);
      }
    }
  }

  private void start() {
    Loop loop = new Loop(false);
    loops.add(loop);
    free.incrementAndGet();
    threads.newThread(loop).start();
  }

  /**
   * Ends a loop that found the queue empty while the fixed number of others are free. Not after a
   * while without work of its own: among hundreds of loops polling one busy queue, as opening
   * thousands of streams leaves, a loop seldom goes long without a task, and none would end.
   */
  private boolean endIdle(Loop loop) {
    int now;
    do {
      now = free.get();
      if (now <= fixed) {
        return false;
      }
    } while (!free.compareAndSet(now, now - 1));
    loops.remove(loop);
    return true;
  }

  /** Keeps a loop that ended for want of work as a spare one, if spare ones are missing. */
  private synchronized boolean waitAsSpare(Loop loop) {
    if (closed || spares.size() >= spare) {
      return false;
    }
    spares.add(loop);
    return true;
  }

  /** Ends every loop once the tasks queued before it have run, and every spare one at once. */
  @Override
  public synchronized void close() {
    closed = true;
    // Counted once: a loop that takes its STOP leaves the set while more are being queued.
    int running = loops.size();
    for (int i = 0; i < running; i++) {
      tasks.add(STOP);
    }
    Loop waiting;
    while ((waiting = spares.poll()) != null) {
      waiting.call(false);
    }
  }

  /** Tasks that several loops run together, each task once. */
  private static final class Batch {
    private final List<Runnable> tasks;
    private final AtomicInteger next = new AtomicInteger();

    Batch(List<Runnable> tasks) {
      this.tasks = tasks;
    }

    /** The next task no loop has taken yet, or null. */
    Runnable take() {
      int index = next.getAndIncrement();
      return index < tasks.size() ? tasks.get(index) : null;
    }

    boolean hasMore() {
      return next.get() < tasks.size();
    }
  }

  private final class Loop implements Runnable {

    private final boolean startsAsSpare;
    // Released once a rescue calls this loop while it waits as a spare, or the writers close.
    private final Semaphore calls = new Semaphore(0);
    private volatile boolean toWork;
    private volatile Thread thread;
    private volatile long busySince;
    private volatile Batch batch;
    // Whether the task this loop is stuck in was stood in for already.
    private volatile boolean stoodInFor;

    /**
     * Held by one task for longer than {@link #STUCK_AFTER}, and waiting in it: a write that blocks
     * parks its thread on both servers. A loop that is running, only waiting for a CPU on a loaded
     * server, is not stuck: starting more loops then would make each wait longer, and more of them
     * look stuck.
     */
    boolean stuck(long nanoTime) {
      long since = busySince;
      return since != 0
          && nanoTime - since > STUCK_AFTER.toNanos()
          && thread.getState() != Thread.State.RUNNABLE;
    }

    Loop(boolean startsAsSpare) {
      this.startsAsSpare = startsAsSpare;
    }

    void call(boolean toWork) {
      this.toWork = toWork;
      calls.release();
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      boolean working = !startsAsSpare;
      boolean ended = false;
      try {
        while (working || awaitCall()) {
          working = true;
          if (!work()) {
            break;
          }
          working = false;
        }
        ended = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        spares.remove(this);
        loops.remove(this);
        if (!ended && working) {
          free.decrementAndGet();
          failed.incrementAndGet();
          // The loop that rescue starts in its place finishes the batch; else its writers are lost.
          handOn(batch, 1);
        }
      }
    }

    private boolean awaitCall() throws InterruptedException {
      calls.acquire();
      return toWork;
    }

    /** Runs tasks until it ends: false for good, true to wait as a spare. */
    private boolean work() throws InterruptedException {
      while (true) {
        Object task = tasks.poll();
        if (task == null) {
          long lingering = LINGER.toNanos() - (System.nanoTime() - lastRescued);
          if (lingering <= 0 && endIdle(this)) {
            return waitAsSpare(this);
          }
          task = lingering > 0 ? tasks.poll(lingering, TimeUnit.NANOSECONDS) : tasks.take();
          if (task == null) {
            continue;
          }
        }
        if (task == STOP) {
          free.decrementAndGet();
          return false;
        }
        if (task instanceof Batch shared) {
          runAll(shared);
        } else {
          runTimed((Runnable) task);
        }
      }
    }

    private void runAll(Batch shared) {
      batch = shared;
      Runnable task;
      while ((task = shared.take()) != null) {
        runTimed(task);
      }
      batch = null;
    }

    private void runTimed(Runnable task) {
      stoodInFor = false;
      free.decrementAndGet();
      busySince = System.nanoTime();
      try {
        task.run();
      } catch (RuntimeException e) {
        // A task that fails must not take its loop with it.
        LOG.log(Level.WARNING, "A stream write failed unexpectedly", e);
      } finally {
        busySince = 0;
        free.incrementAndGet();
      }
    }
  }
}
