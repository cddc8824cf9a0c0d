/** Configuration plumbing shared by every component. */
package dev.linkstream.platform.control;
