package dev.linkstream.bookmarks.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.boundary.Requires;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.bookmarks.control.Importer;
import dev.linkstream.bookmarks.entity.NetscapeReader;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.Import;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bookmark files brought in: as the body, or as the field {@code file} of a form. The answer comes
 * once the file has been read and counted; its links are stored and fetched after, and the import's
 * progress is at its own URL and on the stream.
 */
@Path("imports")
@RequestScoped
public class ImportsResource {

  @Inject Importer importer;
  @Inject LinkStore store;
  @Context UriInfo uriInfo;

  @Inject
  @ConfigProperty(name = "linkstream.import.max-bytes")
  long maxBytes;

  @Requires(Need.WRITE)
  @POST
  @Consumes(MediaType.TEXT_HTML)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importBody(InputStream body) {
    return start(body);
  }

  @Requires(Need.WRITE)
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importForm(@FormParam("file") EntityPart file) {
    if (file == null) {
      throw new BadRequestException("the form must have the bookmark file as its field file");
    }
    return start(file.getContent());
  }

  @Requires(Need.READ)
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject progress(@PathParam("id") long id) {
    return store
        .findImport(id)
        .map(Import::toJSON)
        .orElseThrow(() -> new NotFoundException("no import with id " + id));
  }

  private Response start(InputStream body) {
    String text = new String(read(body), StandardCharsets.UTF_8);
    Import started = importer.start(valid(() -> NetscapeReader.read(text)));
    return Response.accepted(started.toJSON())
        .location(
            uriInfo.getBaseUriBuilder().path("imports").path(String.valueOf(started.id())).build())
        .build();
  }

  /** The whole file, or a 413 as soon as it is larger than allowed. */
  private byte[] read(InputStream body) {
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new WebApplicationException(
            "the bookmark file is larger than "
                + maxBytes
                + " bytes (linkstream.import.max-bytes); nothing was imported",
            Response.Status.REQUEST_ENTITY_TOO_LARGE);
      }
      return bytes;
    } catch (IOException e) {
      throw new BadRequestException("the bookmark file could not be read whole: " + e.getMessage());
    }
  }
}
