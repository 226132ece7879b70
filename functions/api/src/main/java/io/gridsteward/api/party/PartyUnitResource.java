package io.gridsteward.api.party;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.party.PartyViews.UnitYearView;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentStatus;
import io.gridsteward.domain.party.MemberYear;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.http.Problem;
import io.gridsteward.store.party.EnrolmentHistory;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A resident unit's yearly record: its members' report rate and completion rate against the county's threshold. */
@Path("/v1/party/units")
@Produces(MediaType.APPLICATION_JSON)
public class PartyUnitResource {

    private final PartyStore store;
    private final Clock clock;
    private final PartyRules rules;
    private final YearlyRecords records;

    @Inject
    PartyUnitResource(PartyStore store, Clock clock, PartyRules rules, YearlyRecords records) {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.records = records;
    }

    @GET
    @Path("/{unitId}/record")
    @Operation(
            summary = "A unit's yearly record",
            description = "The unit's own staff, and whoever may read the unit's enrolment (its community's "
                    + "secretary, town, county leaders).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UnitYearView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitYearView unitRecord(
            @Context APIGatewayV2HTTPEvent event, @PathParam("unitId") String unitId, @QueryParam("year") String year) {
        Caller caller = CallerClaims.callerOf(event);
        Instant now = clock.instant();
        int asked = PartyPaths.year(year, now, rules.timeZone());
        OrganisationId unit;
        try {
            unit = new OrganisationId(unitId);
        } catch (ValidationException invalid) {
            throw new NotFoundException("unit", unitId);
        }
        Optional<Enrolment> own =
                store.findEnrolment(new EnrolleeId(unit.value())).map(EnrolmentHistory::enrolment);
        if (!PartyAccess.mayReadUnitRecord(caller, unit, own)) {
            throw new NotFoundException("unit", unitId);
        }
        List<MemberYear> members = MemberYears.of(records, store, store.unitMembers(unit), asked, now);
        boolean reportedIn = own.filter(enrolment -> enrolment.status() == EnrolmentStatus.CONFIRMED)
                .isPresent();
        return UnitYearView.of(records.unit(asked, unit, reportedIn, members));
    }

    @GET
    @Path("/{unitId}/record/page")
    @Produces("text/html;charset=UTF-8")
    @Operation(
            summary = "A unit's yearly record as a printable page",
            description = "lang=zh (zh-CN, the default) or en; read as the JSON record.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/html"))
    @APIResponse(
            responseCode = "400",
            description = "An unusable year or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String unitRecordPage(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("unitId") String unitId,
            @QueryParam("year") String year,
            @QueryParam("lang") String language) {
        String chosen = RecordPage.language(language);
        return RecordPage.render(unitRecord(event, unitId, year), chosen);
    }
}
