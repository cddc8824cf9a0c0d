package dev.linkstream.links.entity;

/**
 * What fetching a link's document learned: a title, content type and details, or why it failed; and
 * the lease its fetch was claimed under ({@link FetchClaim}), which must still hold for it to be
 * recorded.
 */
public record FetchResult(
    long linkId, String title, String contentType, Details details, String error, long lease) {

  public static FetchResult fetched(
      long linkId, String title, String contentType, Details details) {
    return new FetchResult(linkId, title, contentType, details, null, 0);
  }

  public static FetchResult failed(long linkId, String error) {
    return new FetchResult(linkId, null, null, Details.NONE, error, 0);
  }

  /** The same result, of a fetch claimed under the lease. */
  public FetchResult under(long claimedLease) {
    return new FetchResult(linkId, title, contentType, details, error, claimedLease);
  }
}
