package io.gridsteward.api.party;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.party.PartyRequests.EnrolmentStepBody;
import io.gridsteward.api.party.PartyRequests.ReportInBody;
import io.gridsteward.api.party.PartyViews.EnrolmentView;
import io.gridsteward.api.party.PartyViews.MemberYearView;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentEvent;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.EnrolmentHistory;
import io.gridsteward.store.party.PartyStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Report-in (双报到) over HTTP: members, sunk cadres and units report in to a community, the community's secretary
 * confirms, places, moves or declines them, members renew every half-year or transfer to another community.
 */
@Path(EnrolmentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    static final String PATH = "/v1/party/enrolments";

    private final PartyStore store;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final PartyRules rules;
    private final YearlyRecords records;

    @Inject
    EnrolmentResource(
            PartyStore store,
            OrganisationStore organisations,
            Clock clock,
            ObjectMapper mapper,
            PartyRules rules,
            YearlyRecords records) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
        this.mapper = mapper;
        this.rules = rules;
        this.records = records;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report in to a community (双报到)",
            description =
                    "A resident reports themselves in as an in-service or scattered member, "
                            + "a department officer as sunk staff (下沉干部); a unit is reported in by the community's secretary or its own staff.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportInBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not someone who may report this enrollee in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Reported in already: renew or transfer instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid values or an unknown community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reportIn(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ReportInBody request = ReportInBody.parse(mapper, body);
        EnrolleeId enrollee = request.enrollee(caller.userId());
        Organisation community = organisations
                .find(request.community())
                .orElseThrow(() -> ValidationException.of("communityId", "no community has this id"));
        EnrolmentChange reported = Enrolment.reportIn(enrollee, request.request(), community, caller, clock.instant());
        if (store.findEnrolment(enrollee).isPresent()) {
            throw new IllegalTransitionException("enrolment", enrollee.value(), "REPORTED", "report-in");
        }
        store.create(reported);
        EnrolmentView view =
                EnrolmentView.of(new EnrolmentHistory(reported.enrolment(), List.of(reported.event())), caller);
        return Response.created(uri.getBaseUriBuilder()
                        .path(PATH)
                        .path(enrollee.value())
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An enrolment with its history (moves keep the group and community they left)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such enrolment, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrolmentView findEnrolment(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        return EnrolmentView.of(readable(caller, id), caller);
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Confirm and place",
            description = "The community's secretary confirms a report-in and places a person in a grid party group "
                    + "(groupId, a grid of the community); a unit is confirmed without one.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentStepBody.class)))
    @EnrolmentStepResponses
    public EnrolmentView confirm(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        EnrolmentStepBody request = EnrolmentStepBody.parse(mapper, body);
        return step(event, id, request, (caller, enrolment) -> {
            Optional<Organisation> group = request.group()
                    .map(groupId -> organisations
                            .find(groupId)
                            .orElseThrow(() -> ValidationException.of("groupId", "no grid has this id")));
            return enrolment.confirm(group, caller, clock.instant());
        });
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a report-in, with a reason")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentStepBody.class)))
    @EnrolmentStepResponses
    public EnrolmentView decline(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        EnrolmentStepBody request = EnrolmentStepBody.parse(mapper, body);
        return step(
                event,
                id,
                request,
                (caller, enrolment) -> enrolment.decline(request.reason(), caller, clock.instant()));
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move a person to another group of the community",
            description = "The event keeps the group they left.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentStepBody.class)))
    @EnrolmentStepResponses
    public EnrolmentView move(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        EnrolmentStepBody request = EnrolmentStepBody.parse(mapper, body);
        return step(event, id, request, (caller, enrolment) -> {
            Organisation group = organisations
                    .find(request.requiredGroup())
                    .orElseThrow(() -> ValidationException.of("groupId", "no grid has this id"));
            return enrolment.move(group, request.reason(), caller, clock.instant());
        });
    }

    @POST
    @Path("/{id}/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report again (every half-year)",
            description = "The placement stays; the report counts for the half-year it falls in.")
    @RequestBody(content = @Content(schema = @Schema(implementation = EnrolmentStepBody.class)))
    @EnrolmentStepResponses
    public EnrolmentView renew(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        EnrolmentStepBody request = EnrolmentStepBody.parse(mapper, body);
        return step(event, id, request, (caller, enrolment) -> enrolment.renew(caller, clock.instant()));
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report in to another community",
            description = "After moving house; the new community confirms, the event keeps the old one.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentStepBody.class)))
    @EnrolmentStepResponses
    public EnrolmentView transfer(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        EnrolmentStepBody request = EnrolmentStepBody.parse(mapper, body);
        return step(event, id, request, (caller, enrolment) -> {
            Organisation community = organisations
                    .find(request.requiredCommunity())
                    .orElseThrow(() -> ValidationException.of("communityId", "no community has this id"));
            return enrolment.transfer(community, caller, clock.instant());
        });
    }

    @GET
    @Path("/{id}/record")
    @Operation(
            summary = "A person's yearly record (一人一档)",
            description = "Activities, credited and certified hours, points per kind (capped), "
                    + "the yearly target and pass mark, and the half-yearly report-ins, under the county's rules.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberYearView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such enrolment, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberYearView memberRecord(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, @QueryParam("year") String year) {
        Caller caller = CallerClaims.callerOf(event);
        Instant now = clock.instant();
        int asked = PartyPaths.year(year, now, rules.timeZone());
        EnrolmentHistory history = readable(caller, id);
        return MemberYearView.of(
                MemberYears.of(records, store, history, asked, now),
                rules.yearlyTargetHours(),
                rules.passMark(),
                rules.version());
    }

    @GET
    @Path("/{id}/record/page")
    @Produces("text/html;charset=UTF-8")
    @Operation(
            summary = "A person's yearly record as a printable page",
            description = "lang=zh (zh-CN, the default) or en.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/html"))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such enrolment, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String memberRecordPage(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("year") String year,
            @QueryParam("lang") String language) {
        String chosen = RecordPage.language(language);
        return RecordPage.render(memberRecord(event, id, year), chosen);
    }

    private EnrolmentView step(
            APIGatewayV2HTTPEvent event,
            String id,
            EnrolmentStepBody request,
            BiFunction<Caller, Enrolment, EnrolmentChange> decide) {
        Caller caller = CallerClaims.callerOf(event);
        EnrolmentHistory current = readable(caller, id);
        Enrolment enrolment = current.enrolment();
        request.version().ifPresent(expected -> {
            if (expected != enrolment.version()) {
                throw new VersionConflictException("enrolment", id, expected);
            }
        });
        EnrolmentChange change = decide.apply(caller, enrolment);
        store.transition(change, enrolment.version());
        List<EnrolmentEvent> events = new ArrayList<>(current.events());
        events.add(change.event());
        return EnrolmentView.of(new EnrolmentHistory(change.enrolment(), events), caller);
    }

    private EnrolmentHistory readable(Caller caller, String id) {
        EnrolmentHistory history =
                store.findEnrolment(PartyPaths.enrollee(id)).orElseThrow(() -> new NotFoundException("enrolment", id));
        if (!PartyAccess.mayRead(caller, history.enrolment())) {
            throw new NotFoundException("enrolment", id);
        }
        return history;
    }
}
