package dev.linkstream.links.entity;

/** What fetching a link's page learned: a title and content type, or why it failed. */
public record FetchResult(long linkId, String title, String contentType, String error) {

  public static FetchResult fetched(long linkId, String title, String contentType) {
    return new FetchResult(linkId, title, contentType, null);
  }

  public static FetchResult failed(long linkId, String error) {
    return new FetchResult(linkId, null, null, error);
  }
}
