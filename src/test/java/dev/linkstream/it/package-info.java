/** Integration tests against the built WAR on a real server, with a loopback origin. */
package dev.linkstream.it;
