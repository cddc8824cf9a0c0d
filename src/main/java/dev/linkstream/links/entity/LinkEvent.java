package dev.linkstream.links.entity;

import dev.linkstream.platform.entity.Jsonp;

/**
 * One change of a link, or of an import's progress, as the stream sends it: {@code linkId} is the
 * id of what changed. Ids are assigned in the order the changes are committed, so a subscriber that
 * has seen an id has seen every change before it.
 */
public record LinkEvent(long id, long linkId, String name, String data) {

  public static final String LINK_UPDATE = "link-update";
  public static final String LINK_REMOVED = "link-removed";
  public static final String IMPORT_UPDATE = "import-update";

  public static LinkEvent update(long id, Link link) {
    return new LinkEvent(id, link.id(), LINK_UPDATE, link.toJSON().toString());
  }

  public static LinkEvent imported(long id, Import progress) {
    return new LinkEvent(id, progress.id(), IMPORT_UPDATE, progress.toJSON().toString());
  }

  public static LinkEvent removed(long id, long linkId) {
    return new LinkEvent(
        id, linkId, LINK_REMOVED, Jsonp.object().add("id", linkId).build().toString());
  }
}
