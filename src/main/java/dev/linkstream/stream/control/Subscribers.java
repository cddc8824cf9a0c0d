package dev.linkstream.stream.control;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Who is subscribed, from where, and whether one more may be. */
public final class Subscribers {

  /** Why a client may not subscribe now. */
  public static final class Full extends Exception {
    public Full(String reason) {
      super(reason, null, false, false);
    }
  }

  private final int max;
  private final int maxPerAddress;
  private final Set<Subscription> all = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  // Who waits for a place, by the address whose place they wait for, or ANY for a place on a full
  // server: a place given up wakes only those who may take it, where one wake-up for all once made
  // hundreds of requests in a reconnect storm queue for this lock with every stream that ended.
  private final Map<String, Waiting> waiting = new HashMap<>();
  private int reserved;

  private static final String ANY = "";

  private static final class Waiting {
    final Condition place;
    int count;

    Waiting(Condition place) {
      this.place = place;
    }
  }

  public Subscribers(int max, int maxPerAddress) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
  }

  /** True while the server holds as many subscriptions as it may. */
  public boolean full() {
    lock.lock();
    try {
      return reserved >= max;
    } finally {
      lock.unlock();
    }
  }

  /** True while one more subscription from the address would be over a limit. */
  public boolean full(String address) {
    lock.lock();
    try {
      return reserved >= max || perAddress.getOrDefault(address, 0) >= maxPerAddress;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Holds a place for one more subscription from the address; when there is none, waits for one to
   * be given up while {@code probe} runs, for at most {@code patience}; or says why there is none.
   */
  public void reserve(String address, Future<?> probe, Duration patience)
      throws Full, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    lock.lock();
    try {
      for (long left = patience.toNanos(); full(address); left = deadline - System.nanoTime()) {
        if (left <= 0 || probe.isDone()) {
          throw reserved >= max
              ? new Full("the server has " + max + " streams open, as many as it allows")
              : new Full(address + " has " + maxPerAddress + " streams open, as many as it allows");
        }
        await(reserved >= max ? ANY : address, left);
      }
      perAddress.merge(address, 1, Integer::sum);
      reserved++;
    } finally {
      lock.unlock();
    }
  }

  private void await(String place, long nanos) throws InterruptedException {
    Waiting those = waiting.computeIfAbsent(place, key -> new Waiting(lock.newCondition()));
    those.count++;
    try {
      those.place.awaitNanos(nanos);
    } finally {
      if (--those.count == 0) {
        waiting.remove(place);
      }
    }
  }

  /**
   * Tells those waiting for a place from the address (for any place, if null) that its probe has
   * ended: no more places come of it.
   */
  public void probed(String address) {
    lock.lock();
    try {
      wakeAll(address == null ? ANY : address);
    } finally {
      lock.unlock();
    }
  }

  private void wakeOne(String place) {
    Waiting those = waiting.get(place);
    if (those != null) {
      those.place.signal();
    }
  }

  private void wakeAll(String place) {
    Waiting those = waiting.get(place);
    if (those != null) {
      those.place.signalAll();
    }
  }

  /** Takes the place reserved for the subscription's address. */
  public void add(Subscription subscription) {
    all.add(subscription);
  }

  /** Gives the subscription's place up; called once, when it closes. */
  public void leave(Subscription subscription) {
    all.remove(subscription);
    lock.lock();
    try {
      perAddress.computeIfPresent(
          subscription.address(), (address, count) -> count == 1 ? null : count - 1);
      // One place: one waiter from the address may take it. Whoever waits for any place may find
      // its own address full, so they all look.
      wakeOne(subscription.address());
      if (reserved-- >= max) {
        wakeAll(ANY);
      }
    } finally {
      lock.unlock();
    }
  }

  public int count() {
    return all.size();
  }

  /** Each open subscription, without copying the set: one added meanwhile may be left out. */
  public void forEach(Consumer<Subscription> action) {
    all.forEach(action);
  }

  public List<Subscription> all() {
    return List.copyOf(all);
  }

  /** The open subscriptions from the address. */
  public List<Subscription> from(String address) {
    return all.stream().filter(subscription -> subscription.address().equals(address)).toList();
  }
}
