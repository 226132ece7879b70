package io.gridsteward.api.ticket;

import io.gridsteward.http.Problem;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The answers every lifecycle step shares, declared once for the OpenAPI document. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponse(
        responseCode = "200",
        description = "The ticket after the step, with its trace; for a retry with an Idempotency-Key already used for "
                + "this step, the ticket as it is now",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
@APIResponse(
        responseCode = "400",
        description = "Malformed body or Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller sees the ticket but may not take this step",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such ticket, or not visible to the caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description =
                "The state does not allow the step, or expectedVersion is stale; currentStatus and currentVersion say where the ticket stands",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "422",
        description = "Values the domain refuses, or an Idempotency-Key used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface StepResponses {}
