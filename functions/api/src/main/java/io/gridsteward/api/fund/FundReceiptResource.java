package io.gridsteward.api.fund;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.fund.ReceiptKey;
import io.gridsteward.http.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Upload slots for receipts: a key issued to the caller and a presigned PUT URL for it. */
@Path("/v1/fund-receipts")
@Produces(MediaType.APPLICATION_JSON)
public class FundReceiptResource {

    private final ReceiptUploads uploads;
    private final IdSource ids;
    private final ObjectMapper mapper;

    @Inject
    FundReceiptResource(ReceiptUploads uploads, IdSource ids, ObjectMapper mapper) {
        this.uploads = uploads;
        this.ids = ids;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "An upload URL for a receipt",
            description = "Body {contentType}: image/jpeg, image/png or application/pdf. A claimant "
                    + "(grid party-group leader, community secretary) gets a key issued to them and a presigned S3 PUT URL valid 15 minutes; a claim "
                    + "cites the key in receiptKeys, and only keys issued to its claimant and uploaded count.")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReceiptUploads.Upload.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a claimant's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Another content type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@Context APIGatewayV2HTTPEvent event, String body) {
        Caller caller = CallerClaims.callerOf(event);
        String contentType = FundBodies.contentType(mapper, body);
        if (caller.role() != Role.GRID_PARTY_LEADER && caller.role() != Role.COMMUNITY_SECRETARY) {
            throw new ForbiddenException(
                    "only claimants (grid party-group leaders, community secretaries) upload receipts");
        }
        ReceiptKey key = ReceiptKey.newFor(caller.userId(), ids, FundBodies.extensionOf(contentType));
        return Response.status(Response.Status.CREATED)
                .entity(uploads.uploadFor(key, contentType))
                .build();
    }
}
