/** Fetching a link's document over the network: vetted addresses, fixed bounds, retries. */
package dev.linkstream.fetching.control;
