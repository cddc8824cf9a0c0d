package dev.linkstream.bench.plain;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class PlainApplication extends Application {}
