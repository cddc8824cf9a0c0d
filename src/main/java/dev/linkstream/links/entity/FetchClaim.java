package dev.linkstream.links.entity;

/**
 * A pending link's fetch, claimed by one instance until its lease runs out: the lease counter its
 * result must be recorded under, which attempt at the fetch it is, and whether it took over a claim
 * of another instance that had run out.
 */
public record FetchClaim(Link link, long lease, int attempt, boolean tookOver) {}
