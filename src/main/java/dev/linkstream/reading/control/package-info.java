/** Reading a title and details from a document of any type: HTML, PDF, text or anything else. */
package dev.linkstream.reading.control;
