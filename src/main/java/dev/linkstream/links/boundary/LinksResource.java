package dev.linkstream.links.boundary;

import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.entity.FetchResult;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.SubmittedUrl;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

@Path("links")
@RequestScoped
@ManagedExecutorDefinition(name = LinksResource.FETCHERS, maxAsync = 16)
public class LinksResource {

  private static final Logger LOG = Logger.getLogger(LinksResource.class.getName());
  static final String FETCHERS = "java:app/concurrent/linkstream-fetchers";

  @Inject LinkStore store;
  @Inject Event<Link> submitted;

  // Fetches wait on origins for seconds: a pool of their own keeps them off the server's threads.
  @Resource(lookup = FETCHERS)
  ManagedExecutorService fetchers;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submitJson(String body) {
    return accept(urlOf(body));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submitForm(@FormParam("url") String url) {
    return accept(url);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray all() {
    return store.newestFirst().stream()
        .map(Link::toJSON)
        .collect(Json::createArrayBuilder, (array, link) -> array.add(link), (a, b) -> a.addAll(b))
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject one(@PathParam("id") long id) {
    return store
        .find(id)
        .map(Link::toJSON)
        .orElseThrow(() -> new NotFoundException("no link with id " + id));
  }

  private Response accept(String text) {
    SubmittedUrl url;
    try {
      url = SubmittedUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    Link link = store.submit(url);
    submitted
        .fireAsync(link, NotificationOptions.ofExecutor(fetchers))
        .exceptionally(
            failure -> {
              LOG.log(Level.SEVERE, "Fetching link " + link.id() + " failed unexpectedly", failure);
              store.record(FetchResult.failed(link.id(), "internal error"));
              return link;
            });
    return Response.accepted(link.toJSON())
        .location(uriInfo.getAbsolutePathBuilder().path(String.valueOf(link.id())).build())
        .build();
  }

  private static String urlOf(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue url = reader.readObject().get("url");
      return url instanceof JsonString string ? string.getString() : null;
    } catch (JsonException | IllegalStateException e) {
      throw new BadRequestException("body must be a JSON object such as {\"url\":\"https://…\"}");
    }
  }
}
