/** Keeping links and the history of their changes, and counting what is submitted and fetched. */
package dev.linkstream.links.control;
