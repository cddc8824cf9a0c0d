package dev.linkstream.links.boundary;

import static dev.linkstream.platform.boundary.Validation.valid;

import dev.linkstream.accounts.boundary.Requires;
import dev.linkstream.accounts.entity.Caller.Need;
import dev.linkstream.links.control.LinkMetrics;
import dev.linkstream.links.control.LinkStore;
import dev.linkstream.links.control.LinkStore.BulkResult;
import dev.linkstream.links.control.LinkStore.Page;
import dev.linkstream.links.control.LinkStore.Submission;
import dev.linkstream.links.entity.BulkChange;
import dev.linkstream.links.entity.FetchWanted;
import dev.linkstream.links.entity.Link;
import dev.linkstream.links.entity.LinkEdit;
import dev.linkstream.links.entity.LinkFilter;
import dev.linkstream.links.entity.SubmittedUrl;
import dev.linkstream.links.entity.Tags;
import dev.linkstream.platform.boundary.JsonBodies;
import dev.linkstream.platform.entity.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;

@Path("links")
@RequestScoped
public class LinksResource {

  private static final Logger LOG = Logger.getLogger(LinksResource.class.getName());

  /** The newest event a list reflects: subscribing after it misses and repeats no change. */
  public static final String LAST_EVENT_ID = "Linkstream-Last-Event-ID";

  /** RFC 7396's media type, which a client that speaks JSON merge patch may send. */
  private static final String MERGE_PATCH = "application/merge-patch+json";

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;

  @Inject LinkStore store;
  @Inject Event<FetchWanted> fetches;
  @Inject LinkMetrics metrics;
  @Context UriInfo uriInfo;

  @Requires(Need.WRITE)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submitJson(String body) {
    JsonObject json = JsonBodies.object(body, "{\"url\":\"https://…\",\"tags\":[\"java\"]}");
    Tags tags = json.containsKey("tags") ? valid(() -> Tags.fromJSON(json.get("tags"))) : Tags.NONE;
    return submit(JsonBodies.text(json, "url"), tags, JsonBodies.text(json, "title"));
  }

  @Requires(Need.WRITE)
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submitForm(@FormParam("url") String url, @FormParam("tags") String tags) {
    return submit(url, valid(() -> Tags.fromText(tags)), null);
  }

  @Requires(Need.READ)
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response page(
      @QueryParam("limit") String limit,
      @QueryParam("before") String before,
      @QueryParam("state") String state,
      @QueryParam("tag") List<String> tags,
      @QueryParam("q") String query) {
    int size = (int) number("limit", limit, DEFAULT_PAGE, MAX_PAGE);
    LinkFilter filter = valid(() -> LinkFilter.fromQuery(state).tagged(tags).searching(query));
    Page page = store.page(size, number("before", before, Long.MAX_VALUE, Long.MAX_VALUE), filter);
    List<Link> links = page.links();
    Response.ResponseBuilder response =
        Response.ok(array(links)).header(LAST_EVENT_ID, page.lastEventId());
    if (links.size() == size) {
      long oldest = links.get(links.size() - 1).id();
      response.link(
          uriInfo
              .getRequestUriBuilder()
              .replaceQueryParam("limit", size)
              .replaceQueryParam("before", oldest)
              .build(),
          "next");
    }
    return response.build();
  }

  /**
   * One change to many links, each changed link its own event on the stream; the answer has them
   * too, so that the caller need not wait for the stream to show its own change.
   */
  @Requires(Need.WRITE)
  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject bulk(String body) {
    BulkChange change =
        valid(() -> BulkChange.fromJSON(JsonBodies.object(body, BulkChange.EXAMPLE)));
    BulkResult result = valid(() -> store.bulk(change));
    JsonArrayBuilder removed = Jsonp.array();
    result.removed().forEach(removed::add);
    return Jsonp.object().add("changed", array(result.changed())).add("removed", removed).build();
  }

  @Requires(Need.READ)
  @GET
  @Path("counts")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject counts() {
    return store.counts().toJSON();
  }

  @Requires(Need.READ)
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject one(@PathParam("id") long id) {
    return store.find(id).map(Link::toJSON).orElseThrow(() -> unknown(id));
  }

  @Requires(Need.WRITE)
  @POST
  @Path("{id}/refetch")
  @Produces(MediaType.APPLICATION_JSON)
  public Response refetch(@PathParam("id") long id) {
    Link link = store.refetch(id).orElseThrow(() -> unknown(id));
    fetches.fire(new FetchWanted(link));
    return Response.accepted(link.toJSON()).build();
  }

  @Requires(Need.WRITE)
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject edit(@PathParam("id") long id, String body) {
    LinkEdit edit = valid(() -> LinkEdit.fromJSON(JsonBodies.object(body, LinkEdit.EXAMPLE)));
    return store.edit(id, edit).map(Link::toJSON).orElseThrow(() -> unknown(id));
  }

  @Requires(Need.WRITE)
  @DELETE
  @Path("{id}")
  public void remove(@PathParam("id") long id) {
    if (!store.remove(id)) {
      throw unknown(id);
    }
  }

  private Response submit(String text, Tags tags, String title) {
    SubmittedUrl url = valid(() -> SubmittedUrl.parse(text));
    Submission submission = valid(() -> store.submit(url, tags, title));
    Link link = submission.link();
    URI location =
        uriInfo.getBaseUriBuilder().path("links").path(String.valueOf(link.id())).build();
    if (!submission.created()) {
      return Response.ok(link.toJSON()).location(location).build();
    }
    metrics.submitted();
    LOG.fine(() -> "Link " + link.id() + " submitted: " + link.url());
    fetches.fire(new FetchWanted(link));
    return Response.accepted(link.toJSON()).location(location).build();
  }

  private static JsonArray array(List<Link> links) {
    JsonArrayBuilder array = Jsonp.array();
    links.forEach(link -> array.add(link.toJSON()));
    return array.build();
  }

  private static long number(String name, String text, long absent, long max) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, like any other value out of range
    }
    throw new BadRequestException(name + " must be a whole number from 1 to " + max);
  }

  private static NotFoundException unknown(long id) {
    return new NotFoundException("no link with id " + id);
  }
}
