/** Keeping links and their change history, and fetching each link's page to learn its title. */
package dev.linkstream.links.control;
