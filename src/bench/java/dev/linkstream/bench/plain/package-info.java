/**
 * The benchmark's plain Jakarta EE peer: the textbook broadcaster, a WAR of its own on the same
 * servers as Linkstream. Not part of Linkstream's WAR.
 */
package dev.linkstream.bench.plain;
