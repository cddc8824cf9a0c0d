package dev.linkstream.links.entity;

/** What fetching a link's document learned: a title, content type and details, or why it failed. */
public record FetchResult(
    long linkId, String title, String contentType, Details details, String error) {

  public static FetchResult fetched(
      long linkId, String title, String contentType, Details details) {
    return new FetchResult(linkId, title, contentType, details, null);
  }

  public static FetchResult failed(long linkId, String error) {
    return new FetchResult(linkId, null, null, Details.NONE, error);
  }
}
