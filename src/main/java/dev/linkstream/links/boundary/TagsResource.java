package dev.linkstream.links.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.boundary.Requires;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.boundary.JsonBodies;
import dev.linkstream.platform.entity.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tags in use: how many links have each, renaming one on every link, taking one off all. */
@Path("tags")
@RequestScoped
public class TagsResource {

  private static final String EXAMPLE = "{\"name\":\"reading\"}";

  @Inject LinkStore store;

  @Requires(Need.READ)
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray all() {
    JsonArrayBuilder tags = Jsonp.array();
    store.tags().forEach(tag -> tags.add(tag.toJSON()));
    return tags.build();
  }

  /**
   * Every link tagged {@code name} is tagged with the new name instead; merged where it has both.
   */
  @Requires(Need.WRITE)
  @PATCH
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public void rename(@PathParam("name") String name, String body) {
    String given = JsonBodies.text(JsonBodies.object(body, EXAMPLE), "name");
    if (given == null) {
      throw new BadRequestException("body must give the tag's new name, such as " + EXAMPLE);
    }
    String to = valid(() -> Tags.name(given));
    if (!store.retag(known(name), to)) {
      throw unknown(name);
    }
  }

  @Requires(Need.WRITE)
  @DELETE
  @Path("{name}")
  public void remove(@PathParam("name") String name) {
    if (!store.retag(known(name), null)) {
      throw unknown(name);
    }
  }

  /** The name as tags are stored; a name no tag can have is no tag's. */
  private static String known(String name) {
    try {
      return Tags.name(name);
    } catch (IllegalArgumentException e) {
      throw unknown(name);
    }
  }

  private static NotFoundException unknown(String name) {
    return new NotFoundException("no link has the tag \"" + name + "\"");
  }
}
