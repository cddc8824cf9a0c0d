/** What every component's entities share: JSON-P's factories, found once. */
package dev.linkstream.platform.entity;
