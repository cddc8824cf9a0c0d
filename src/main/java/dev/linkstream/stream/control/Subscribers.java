package dev.linkstream.stream.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Who is subscribed, from where, and whether one more may be.
 *
 * <p>A subscription from an address that holds as many places as it may is let in on trial, up to
 * as many again, while the address's streams are probed: a client that reconnects at once finds its
 * own closed stream still holding a place, because a server learns of a close only by writing. Each
 * place given up goes to the address's longest on trial; those still on trial when the probe ends
 * have none coming. No request waits for a place on its thread, but when the server is full.
 */
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
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private final Set<Subscription> placed = new HashSet<>();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final Map<String, Queue<Subscription>> onTrial = new HashMap<>();

  public Subscribers(int max, int maxPerAddress) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
  }

  /** True while the server holds as many subscriptions as it may. */
  public boolean full() {
    lock.lock();
    try {
      return placed.size() >= max;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets the subscription in, and answers true if it is on trial; when the server is full, waits
   * for a place to be given up while {@code probe} runs, for at most {@code patience}; or says why
   * it may not.
   */
  public boolean admit(Subscription subscription, Future<?> probe, Duration patience)
      throws Full, InterruptedException {
    String address = subscription.address();
    lock.lock();
    try {
      awaitRoom(probe, patience);
      if (perAddress.getOrDefault(address, 0) < maxPerAddress) {
        place(subscription);
        return false;
      }
      // The place it may have waited for is not one it takes: whoever waits next may.
      room.signal();
      Queue<Subscription> trial = onTrial.computeIfAbsent(address, key -> new ArrayDeque<>());
      if (trial.size() >= maxPerAddress) {
        throw new Full(overLimit(address) + ", and as many more waiting for one of them");
      }
      trial.add(subscription);
      all.add(subscription);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void awaitRoom(Future<?> probe, Duration patience) throws Full, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    for (long left = patience.toNanos();
        placed.size() >= max;
        left = deadline - System.nanoTime()) {
      if (left <= 0 || probe.isDone()) {
        throw new Full("the server has " + max + " streams open, as many as it allows");
      }
      room.awaitNanos(left);
    }
  }

  private void place(Subscription subscription) {
    placed.add(subscription);
    perAddress.merge(subscription.address(), 1, Integer::sum);
    all.add(subscription);
  }

  /**
   * Says that the probe of the address's streams (of every stream, if null) has ended: no more
   * places come of it. Answers the address's subscriptions still on trial, which have none.
   */
  public List<Subscription> probed(String address) {
    lock.lock();
    try {
      if (address == null) {
        room.signalAll();
        return List.of();
      }
      Queue<Subscription> trial = onTrial.remove(address);
      if (trial == null) {
        return List.of();
      }
      while (!trial.isEmpty()
          && placed.size() < max
          && perAddress.getOrDefault(address, 0) < maxPerAddress) {
        place(trial.poll());
      }
      return new ArrayList<>(trial);
    } finally {
      lock.unlock();
    }
  }

  /** Why a subscription from the address is over its limit. */
  public String overLimit(String address) {
    return address + " has " + maxPerAddress + " streams open, as many as it allows";
  }

  /** Gives the subscription's place up, or its trial; called once, when it closes. */
  public void leave(Subscription subscription) {
    all.remove(subscription);
    String address = subscription.address();
    lock.lock();
    try {
      if (!placed.remove(subscription)) {
        Queue<Subscription> trial = onTrial.get(address);
        if (trial != null) {
          trial.remove(subscription);
        }
        return;
      }
      perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
      Queue<Subscription> trial = onTrial.get(address);
      if (trial != null && !trial.isEmpty()) {
        place(trial.poll());
      } else {
        room.signal();
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
