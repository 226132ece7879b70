package io.gridsteward.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /}: the page, revalidated on every load ({@code no-cache}, with an entity tag) so that a new build is seen
 * at once; {@code GET /dashboard-assets/{name}}: the scripts it names, kept by browsers for a year (their names change
 * with their content).
 */
@Path("/")
public class PageResource {

    static final String PAGE_CACHE = "no-cache";
    static final String ASSET_CACHE = "public, max-age=31536000, immutable";

    private final PageAssets assets = PageAssets.bundled();

    @GET
    public Response page(@Context Request request) {
        EntityTag tag = new EntityTag(assets.pageDigest());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer =
                unchanged != null ? unchanged : Response.ok(assets.page(), "text/html; charset=utf-8");
        return answer.tag(tag).header("Cache-Control", PAGE_CACHE).build();
    }

    @GET
    @Path("dashboard-assets/{name}")
    public Response asset(@PathParam("name") String name) {
        return assets.asset(name)
                .map(asset -> Response.ok(asset.content(), asset.mediaType() + "; charset=utf-8")
                        .header("Cache-Control", ASSET_CACHE)
                        .build())
                .orElseThrow(() -> Refusal.notFound(
                        "name",
                        "no such file: the page's files are "
                                + String.join(", ", assets.versionedNames().toList())));
    }
}
