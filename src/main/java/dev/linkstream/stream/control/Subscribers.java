package dev.linkstream.stream.control;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  private int reserved;

  public Subscribers(int max, int maxPerAddress) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
  }

  /** True while the server holds as many subscriptions as it may. */
  public synchronized boolean full() {
    return reserved >= max;
  }

  /** True while one more subscription from the address would be over a limit. */
  public synchronized boolean full(String address) {
    return full() || perAddress.getOrDefault(address, 0) >= maxPerAddress;
  }

  /**
   * Holds a place for one more subscription from the address; when there is none, waits for one to
   * be given up while {@code probe} runs, for at most {@code patience}; or says why there is none.
   */
  public synchronized void reserve(String address, Future<?> probe, Duration patience)
      throws Full, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    for (long left = patience.toNanos(); full(address); left = deadline - System.nanoTime()) {
      if (left <= 0 || probe.isDone()) {
        throw full()
            ? new Full("the server has " + max + " streams open, as many as it allows")
            : new Full(address + " has " + maxPerAddress + " streams open, as many as it allows");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    perAddress.merge(address, 1, Integer::sum);
    reserved++;
  }

  /** Tells those waiting for a place that a probe has ended: no more places come of it. */
  public synchronized void probed() {
    notifyAll();
  }

  /** Takes the place reserved for the subscription's address. */
  public void add(Subscription subscription) {
    all.add(subscription);
  }

  /** Gives the subscription's place up; called once, when it closes. */
  public synchronized void leave(Subscription subscription) {
    all.remove(subscription);
    perAddress.computeIfPresent(
        subscription.address(), (address, count) -> count == 1 ? null : count - 1);
    reserved--;
    notifyAll();
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
