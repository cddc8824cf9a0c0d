/** The HTTP API for submitting and reading links. */
package dev.linkstream.links.boundary;
