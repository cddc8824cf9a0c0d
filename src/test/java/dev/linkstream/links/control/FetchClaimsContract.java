package dev.linkstream.links.control;

import static dev.linkstream.links.control.LinkStoreContract.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkstream.links.entity.Bookmark;
import dev.linkstream.links.entity.Details;
import dev.linkstream.links.entity.FetchClaim;
import dev.linkstream.links.entity.FetchFenced;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkStatus;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.control.Database;
import dev.linkstream.platform.control.Databases;
import dev.linkstream.testing.RecordedEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How instances share the fetches, on every database the store runs on. */
abstract class FetchClaimsContract {

  private static final Duration LEASE = Duration.ofMinutes(1);
  // A claim made with it has run out the moment it is made: an instance that vanished long ago.
  private static final Duration RUN_OUT = Duration.ofSeconds(-1);

  @TempDir Path dir;
  Database database;
  LinkStore store;

  abstract Databases kind();

  @BeforeEach
  void open() {
    database = kind().open(dir);
    store = StandaloneStore.on(database);
  }

  @AfterEach
  void close() {
    Databases.close(database);
  }

  @Test
  void aPersonsLinksAreClaimedBeforeAnImportsAndEachOnce() {
    Link first = submit("https://example.org/1");
    long importId = store.startImport(1, List.of()).id();
    Link imported =
        store
            .importSome(
                importId,
                List.of(
                    new Bookmark(url("https://example.org/i"), null, null, Tags.NONE, null, null)))
            .get(0);
    Link second = submit("https://example.org/2");

    assertEquals(List.of(first), links(store.claim(1, "a", LEASE)));
    assertEquals(List.of(second, imported), links(store.claim(5, "b", LEASE)));
    assertEquals(List.of(), store.claim(5, "a", LEASE));
    assertEquals(0, store.claimable());
  }

  @Test
  void instancesClaimingAtOnceNeverClaimTheSameLink() throws Exception {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      links.add(submit("https://example.org/" + i));
    }
    ExecutorService instances = Executors.newFixedThreadPool(3);
    try {
      List<Callable<List<Link>>> claimers = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        claimers.add(
            () -> {
              List<Link> mine = new ArrayList<>();
              List<FetchClaim> some;
              while (!(some = store.claim(2, name, LEASE)).isEmpty()) {
                mine.addAll(links(some));
              }
              return mine;
            });
      }
      List<Link> claimed = new ArrayList<>();
      for (Future<List<Link>> each : instances.invokeAll(claimers)) {
        claimed.addAll(each.get());
      }
      assertEquals(links.size(), claimed.size(), "claimed twice or not at all: " + claimed);
      assertEquals(new HashSet<>(links), new HashSet<>(claimed));
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void aClaimThatRanOutIsTakenOverAndItsLateResultChangesNothing() {
    Link link = submit("https://example.org/a");
    FetchClaim vanished = store.claim(1, "a", RUN_OUT).get(0);

    FetchClaim taken = store.claim(1, "b", LEASE).get(0);
    assertTrue(taken.tookOver());
    assertFalse(vanished.tookOver());
    assertEquals(2, taken.attempt());

    store.record(
        FetchResult.fetched(link.id(), "Late", "text/html", Details.NONE).under(vanished.lease()));
    assertEquals(LinkStatus.PENDING, store.find(link.id()).orElseThrow().status());
    assertEquals(List.of(new FetchFenced(link.id(), vanished.lease())), fenced().fired);

    store.record(
        FetchResult.fetched(link.id(), "On time", "text/html", Details.NONE).under(taken.lease()));
    Link fetched = store.find(link.id()).orElseThrow();
    assertEquals(LinkStatus.FETCHED, fetched.status());
    assertEquals("On time", fetched.title());
  }

  @Test
  void aLiveClaimIsNotTakenOver() {
    submit("https://example.org/a");
    store.claim(1, "a", LEASE);

    assertEquals(List.of(), store.claim(1, "b", LEASE));
  }

  @Test
  void aRefetchFencesTheFetchInFlight() {
    Link link = submit("https://example.org/a");
    FetchClaim inFlight = store.claim(1, "a", LEASE).get(0);

    store.refetch(link.id());
    store.record(FetchResult.failed(link.id(), "timed out").under(inFlight.lease()));

    assertEquals(LinkStatus.PENDING, store.find(link.id()).orElseThrow().status());
    FetchClaim again = store.claim(1, "a", LEASE).get(0);
    assertEquals(1, again.attempt(), "a refetch starts its attempts anew");
  }

  @Test
  void aRetryIsClaimedOnlyAfterItsDelayAndCountsAsTheNextAttempt() {
    Link link = submit("https://example.org/a");
    FetchClaim first = store.claim(1, "a", LEASE).get(0);

    assertTrue(store.retryLater(first, Duration.ofHours(1)));
    assertEquals(0, store.claimable(), "a retry waiting for its delay waits for no fetcher");
    assertEquals(List.of(), store.claim(1, "b", LEASE));

    Link other = submit("https://example.org/b");
    FetchClaim second = store.claim(1, "b", LEASE).get(0);
    assertEquals(other, second.link());
    assertTrue(store.retryLater(second, RUN_OUT));
    FetchClaim retried = store.claim(1, "c", LEASE).get(0);
    assertEquals(other, retried.link());
    assertEquals(2, retried.attempt());
    assertFalse(retried.tookOver(), "a retry's delay is no claim taken over");
    assertFalse(store.retryLater(second, RUN_OUT), "its claim was taken by the retry");
    assertEquals(LinkStatus.PENDING, store.find(link.id()).orElseThrow().status());
  }

  @Test
  void anInstanceStartingAgainTakesItsOldClaimsBackAndFencesThem() {
    Link link = submit("https://example.org/a");
    FetchClaim beforeTheCrash = store.claim(1, "a", LEASE).get(0);

    assertEquals(1, store.releaseClaims("a"));
    FetchClaim afterTheCrash = store.claim(1, "a", LEASE).get(0);

    assertEquals(link, afterTheCrash.link());
    store.record(FetchResult.failed(link.id(), "late").under(beforeTheCrash.lease()));
    assertEquals(LinkStatus.PENDING, store.find(link.id()).orElseThrow().status());
  }

  private Link submit(String address) {
    return store.submit(url(address), Tags.NONE, null).link();
  }

  @SuppressWarnings("unchecked")
  private RecordedEvents<FetchFenced> fenced() {
    return (RecordedEvents<FetchFenced>) store.fenced;
  }

  private static List<Link> links(List<FetchClaim> claims) {
    return claims.stream().map(FetchClaim::link).toList();
  }
}
