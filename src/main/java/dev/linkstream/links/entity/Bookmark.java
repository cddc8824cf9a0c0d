package dev.linkstream.links.entity;

import java.time.Instant;

/**
 * A link as a bookmark file has it: its title until a fetch finds one, when it was saved, its tags,
 * its note and whether it was read. Everything but the URL may be null.
 */
public record Bookmark(
    SubmittedUrl url, String title, Instant addedAt, Tags tags, String note, LinkState state) {}
