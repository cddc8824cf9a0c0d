package dev.linkstream.bookmarks.boundary;

import dev.linkstream.accounts.boundary.Requires;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.bookmarks.entity.NetscapeWriter;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Every link, as a file to keep or to import elsewhere: a Netscape bookmark file, or JSON with
 * everything a link has. Written a chunk of links at a time, so that the size of the file never
 * becomes the size of the server's memory.
 */
@Path("export")
@RequestScoped
public class ExportResource {

  private static final int CHUNK = 1_000;

  @Inject LinkStore store;

  @Requires(Need.READ)
  @GET
  @Produces({NetscapeWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response export(@QueryParam("format") String format) {
    String chosen = format == null || format.isBlank() ? "netscape" : format.strip();
    return switch (chosen) {
      case "netscape" ->
          file(
              NetscapeWriter.MEDIA_TYPE,
              "html",
              NetscapeWriter.HEADER,
              NetscapeWriter::entry,
              "",
              NetscapeWriter.FOOTER);
      case "json" ->
          file(
              MediaType.APPLICATION_JSON,
              "json",
              "[\n",
              link -> link.toJSON().toString(),
              ",\n",
              "\n]\n");
      default ->
          throw new BadRequestException(
              "format must be netscape (a bookmark file, the default) or json");
    };
  }

  private Response file(
      String type,
      String extension,
      String header,
      Function<Link, String> entry,
      String separator,
      String footer) {
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          writer.write(header);
          writeEvery(writer, entry, separator);
          writer.write(footer);
          writer.flush();
        };
    String name = "linkstream-" + LocalDate.now(ZoneOffset.UTC) + "." + extension;
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  /** Newest first, as every list; a link added meanwhile may be in the file or not. */
  private void writeEvery(Writer writer, Function<Link, String> entry, String separator)
      throws IOException {
    long before = Long.MAX_VALUE;
    boolean first = true;
    List<Link> links;
    do {
      links = store.page(CHUNK, before, LinkFilter.ALL).links();
      for (Link link : links) {
        if (!first) {
          writer.write(separator);
        }
        writer.write(entry.apply(link));
        first = false;
      }
      before = links.isEmpty() ? before : links.get(links.size() - 1).id();
    } while (links.size() == CHUNK);
  }
}
