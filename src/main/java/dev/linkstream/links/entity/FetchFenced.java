package dev.linkstream.links.entity;

/**
 * A fetch's result that was not recorded, because the link was claimed again or refetched since its
 * fetch was claimed: the instance had been taken for gone, or the result was no longer wanted.
 */
public record FetchFenced(long linkId, long lease) {}
