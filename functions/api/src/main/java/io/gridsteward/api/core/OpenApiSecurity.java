package io.gridsteward.api.core;

import io.gridsteward.http.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The API's security in its OpenAPI document, as a client generator needs it: every operation takes a bearer JWT
 * (API Gateway's authorizer checks it before the function runs) and may answer 401 without one. Applied when the
 * function is built: the document holds nothing known only at run time, and with no filter left to run at start-up the
 * function serves the document built with it instead of building it again on every cold start.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public final class OpenApiSecurity implements OASFilter {

    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Components components =
                openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents();
        components.addSecurityScheme(
                SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                                "A JWT of the county's identity provider with the claims sub, custom:role and custom:org_id "
                                        + "(locally: POST /local/tokens)"));
        openApi.setComponents(components);
        openApi.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(OpenApiSecurity::mayAnswer401));
    }

    private static void mayAnswer401(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse("401")) {
            return;
        }
        operation
                .getResponses()
                .addAPIResponse(
                        "401",
                        OASFactory.createAPIResponse()
                                .description(
                                        "No bearer token, or one that is invalid or expired (API Gateway's authorizer answers "
                                                + "{\"message\":\"Unauthorized\"}), or a token without a known role (problem+json)")
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                "application/json",
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .type(List.of(Schema.SchemaType.OBJECT))
                                                                .addProperty(
                                                                        "message",
                                                                        OASFactory.createSchema()
                                                                                .type(List.of(
                                                                                        Schema.SchemaType.STRING)))))
                                        .addMediaType(
                                                Problem.MEDIA_TYPE,
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .ref("Problem")))));
    }
}
