/** A link, what a fetch learned about it, and the events its changes produce. */
package dev.linkstream.links.entity;
