/** The JAX-RS application and how errors leave it: as application/problem+json. */
package dev.linkstream.platform.boundary;
