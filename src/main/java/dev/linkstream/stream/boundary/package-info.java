/** The live Server-Sent Event stream of link changes. */
package dev.linkstream.stream.boundary;
