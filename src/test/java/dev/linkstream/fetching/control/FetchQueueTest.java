package dev.linkstream.fetching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.linkstream.fetching.entity.Fetch;
import dev.linkstream.links.entity.Link;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchQueueTest {

  @Test
  void aLinkAPersonSubmitsDuringAnImportIsFetchedAheadOfItsBacklog() {
    FetchQueue queue = new FetchQueue(1);
    queue.add(fetch(1, true));
    queue.add(fetch(2, true));
    queue.add(fetch(3, true));
    assertEquals(1, queue.next().link().id());

    queue.add(fetch(4, false));
    assertNull(queue.next(), "one runs already");
    queue.finished();

    assertEquals(4, queue.next().link().id());
    queue.finished();
    assertEquals(2, queue.next().link().id());
    queue.finished();
    assertEquals(3, queue.next().link().id());
    assertEquals(0, queue.waiting());
  }

  @Test
  void eachKindWaitsInOrderAndAllCountAsWaiting() {
    FetchQueue queue = new FetchQueue(2);
    queue.add(fetch(1, false));
    queue.add(fetch(2, true));
    queue.add(fetch(3, false));
    queue.add(fetch(4, true));

    assertEquals(1, queue.next().link().id());
    assertEquals(3, queue.next().link().id());
    assertNull(queue.next());
    assertEquals(2, queue.running());
    assertEquals(2, queue.waiting());
  }

  private static Fetch fetch(long id, boolean backlog) {
    return Fetch.first(Link.pending(id, "https://example.org/" + id, Instant.EPOCH), backlog);
  }
}
