package dev.linkstream.links.entity;

/**
 * One change of a link as the stream sends it. Ids are assigned in the order the changes happen, so
 * a subscriber that has seen an id has seen every change before it.
 */
public record LinkEvent(long id, String name, String data) {

  public static final String LINK_UPDATE = "link-update";

  public static LinkEvent update(long id, Link link) {
    return new LinkEvent(id, LINK_UPDATE, link.toJSON().toString());
  }
}
