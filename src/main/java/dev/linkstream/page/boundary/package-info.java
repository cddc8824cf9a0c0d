/** The browser page: the headers that keep it safe; its files are the WAR's static content. */
package dev.linkstream.page.boundary;
