/** Subscriptions to the stream: what each client has been sent, and what it may still receive. */
package dev.linkstream.stream.control;
