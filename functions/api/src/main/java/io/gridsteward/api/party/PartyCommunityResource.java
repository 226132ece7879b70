package io.gridsteward.api.party;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.organisation.Organisations;
import io.gridsteward.api.party.PartyViews.ActivityPageView;
import io.gridsteward.api.party.PartyViews.CommunityYearView;
import io.gridsteward.api.party.PartyViews.EnrolmentPageView;
import io.gridsteward.api.party.PartyViews.MemberYearView;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.MemberYear;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.PartyStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A community's enrolments, activities and yearly record. */
@Path("/v1/party/communities")
@Produces(MediaType.APPLICATION_JSON)
public class PartyCommunityResource {

    private final PartyStore store;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final PartyRules rules;
    private final YearlyRecords records;

    @Inject
    PartyCommunityResource(
            PartyStore store, OrganisationStore organisations, Clock clock, PartyRules rules, YearlyRecords records) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
        this.rules = rules;
        this.records = records;
    }

    @GET
    @Path("/{id}/enrolments")
    @Operation(
            summary = "A community's enrolments, by kind",
            description =
                    "Its secretary; its town's "
                            + "dispatchers and supervisors; county leaders. kind narrows to IN_SERVICE_MEMBER, SCATTERED_MEMBER, SUNK_STAFF or UNIT.")
    @APIResponse(
            responseCode = "200",
            description = "One page; follow nextCursor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrolmentPageView communityEnrolments(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("kind") String kind,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        Organisation community = listable(caller, id);
        return EnrolmentPageView.of(
                store.enrolmentsOf(community.id(), PartyPaths.kind(kind), PartyPaths.page(limit, cursor)));
    }

    @GET
    @Path("/{id}/activities")
    @Operation(
            summary = "A community's activities, its own and its groups', earliest start first",
            description = "Anyone signed in: members choose what to sign up for.")
    @APIResponse(
            responseCode = "200",
            description = "One page; follow nextCursor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityPageView communityActivities(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        CallerClaims.callerOf(event);
        Organisation community = community(id);
        return ActivityPageView.of(store.activitiesOf(community.id(), PartyPaths.page(limit, cursor)));
    }

    @GET
    @Path("/{id}/record")
    @Operation(
            summary = "A community's yearly record",
            description = "Who reported in by kind, who met the yearly target and the report-ins, "
                    + "both ledgers, and every person's year.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunityYearView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommunityYearView communityRecord(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, @QueryParam("year") String year) {
        Caller caller = CallerClaims.callerOf(event);
        Instant now = clock.instant();
        int asked = PartyPaths.year(year, now, rules.timeZone());
        Organisation community = listable(caller, id);
        List<Enrolment> enrolments = store.allEnrolmentsOf(community.id());
        List<MemberYear> years = MemberYears.of(
                records,
                store,
                enrolments.stream()
                        .filter(enrolment -> enrolment.kind().isPerson())
                        .toList(),
                asked,
                now);
        return CommunityYearView.of(
                records.community(asked, community.id(), enrolments, years),
                years.stream()
                        .map(member ->
                                MemberYearView.of(member, rules.yearlyTargetHours(), rules.passMark(), rules.version()))
                        .toList());
    }

    @GET
    @Path("/{id}/record/page")
    @Produces("text/html;charset=UTF-8")
    @Operation(
            summary = "A community's yearly record as a printable page",
            description = "lang=zh (zh-CN, the default) or en; the community's "
                    + "year and every person's, read as the JSON record.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/html"))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String communityRecordPage(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("year") String year,
            @QueryParam("lang") String language) {
        String chosen = RecordPage.language(language);
        return RecordPage.render(communityRecord(event, id, year), chosen);
    }

    private Organisation community(String id) {
        Organisation community = Organisations.require(organisations, id);
        if (community.kind() != OrganisationKind.COMMUNITY) {
            throw new NotFoundException("community", id);
        }
        return community;
    }

    private Organisation listable(Caller caller, String id) {
        Organisation community = community(id);
        if (!PartyAccess.mayListCommunity(
                caller, community.id(), community.town().orElseThrow())) {
            throw new ForbiddenException("a %s may not list the party members of %s".formatted(caller.role(), id));
        }
        return community;
    }
}
