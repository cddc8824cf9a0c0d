/** A program that uses Linkstream with nothing but the JAX-RS client API. */
package dev.linkstream.example;
