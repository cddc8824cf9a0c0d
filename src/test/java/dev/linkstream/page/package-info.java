/** Browser tests: the page in a real headless Chromium against the WAR on Payara Micro. */
package dev.linkstream.page;
