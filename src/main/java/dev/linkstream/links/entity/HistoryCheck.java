package dev.linkstream.links.entity;

/**
 * Time to look for events in the history that this instance has not sent: a notification said
 * another transaction added some ({@code rung}), or the poll interval passed without one.
 */
public record HistoryCheck(boolean rung) {}
