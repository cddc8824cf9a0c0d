package dev.linkstream.links.entity;

/**
 * A link just stored as pending, new or to be fetched again: a sign for the fetchers to claim now
 * what they have room for, a person's links before an import's. Fired synchronously: the fetches
 * run on the fetchers' own threads.
 */
public record FetchWanted(Link link) {}
