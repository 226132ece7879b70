package io.gridsteward.api.fund;

import io.gridsteward.http.Problem;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The answers every step of a claim shares, declared once for the OpenAPI document. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponse(
        responseCode = "200",
        description = "The claim after the step, with its trace; for a retry with an Idempotency-Key already used for "
                + "this step, the claim as it is now (Idempotent-Replayed: true)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
@APIResponse(
        responseCode = "400",
        description = "Malformed body or Idempotency-Key; an amount that is not a JSON integer of fen",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description =
                "The caller sees the claim but may not take this step (nobody reviews or approves their own claim)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such claim, or not visible to the caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description =
                "The status does not allow the step, or another step won the race; currentStatus and currentVersion say where the claim stands",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "422",
        description =
                "Values the domain refuses (amounts, reasons, receipts), or an Idempotency-Key used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface ClaimStepResponses {}
