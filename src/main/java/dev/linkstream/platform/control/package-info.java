/** Plumbing shared by every component: configuration and the database. */
package dev.linkstream.platform.control;
