/** One attempt at fetching a link's document. */
package dev.linkstream.fetching.entity;
