/**
 * The load harness: boots Linkstream and a lean reference broadcaster, drives both with the same
 * subscribers and submissions, and reports what each sustains. Not part of the WAR.
 */
package dev.linkstream.bench;
