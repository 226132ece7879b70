package io.gridsteward.api.party;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.api.party.PartyRequests.CertifyBody;
import io.gridsteward.api.party.PartyRequests.PresenceBody;
import io.gridsteward.api.party.PartyRequests.PublishBody;
import io.gridsteward.api.party.PartyViews.ActivityView;
import io.gridsteward.api.party.PartyViews.AttendanceView;
import io.gridsteward.api.party.PartyViews.SignUpView;
import io.gridsteward.api.party.PartyViews.TokenView;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceChange;
import io.gridsteward.domain.party.AttendanceEventType;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.AttendanceOutcome;
import io.gridsteward.store.party.EnrolmentHistory;
import io.gridsteward.store.party.PartyStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Activities over HTTP (谁组织谁记录、谁记录谁证明): publish, sign up within capacity, the organiser's rotating QR token,
 * check-in and check-out proven by the token and the position, the organiser's certification of hours.
 */
@Path(ActivityResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    static final String PATH = "/v1/party/activities";
    static final String PRESENCE_KEY_DESCRIPTION =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, activity, "
                    + "step and body answers 200 with the attendance as it is now (Idempotent-Replayed: true) and writes nothing; the same key with "
                    + "another body, activity or step is refused with 422. Keys are the caller's own and kept 24 hours.";

    private final PartyStore store;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;
    private final PartyRules rules;
    private final CheckInTokens tokens;

    @Inject
    ActivityResource(
            PartyStore store,
            OrganisationStore organisations,
            Clock clock,
            IdSource ids,
            ObjectMapper mapper,
            PartyRules rules,
            CheckInTokens tokens) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.rules = rules;
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish an activity",
            description =
                    "A community's secretary (for the community or one of its groups) or a grid party "
                            + "group's leader publishes a service, patrol, meeting or volunteer duty: window, place (centre and radius) and capacity.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PublishBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the organiser's secretary or leader",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid values or an unknown organiser",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        PublishBody request = PublishBody.parse(mapper, body);
        Organisation organiser = organisations
                .find(request.organiser())
                .orElseThrow(() -> ValidationException.of("organiserId", "no organisation has this id"));
        Activity activity =
                Activity.publish(ActivityId.generate(ids), request.draft(), organiser, caller, clock.instant());
        store.create(activity);
        return Response.created(uri.getBaseUriBuilder()
                        .path(PATH)
                        .path(activity.id().value())
                        .build())
                .entity(ActivityView.of(activity))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An activity, with how many places are taken")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityView findActivity(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        CallerClaims.callerOf(event);
        return ActivityView.of(activity(id));
    }

    @POST
    @Path("/{id}/sign-ups")
    @Operation(
            summary = "Sign up for an activity",
            description =
                    "A confirmed member or sunk cadre takes a place for themselves. Never over "
                            + "capacity, whatever the concurrency: the last places go to the first transactions, the others get 409 FULL.")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SignUpView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not reported in and confirmed as a person, or signing up someone else",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "FULL, ENDED, SIGNED_UP already, or an enrolment not confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signUp(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        Activity activity = activity(id);
        EnrolleeId self = PartyPaths.self(caller);
        Enrolment enrolment = store.findEnrolment(self)
                .map(EnrolmentHistory::enrolment)
                .orElseThrow(() -> new ForbiddenException("only someone reported in may sign up"));
        SignUp signUp = activity.signUp(enrolment, caller, clock.instant());
        store.signUp(signUp);
        return Response.status(Response.Status.CREATED)
                .entity(new SignUpView(activity.id().value(), self.value(), Attributes.format(signUp.signedUpAt())))
                .build();
    }

    @GET
    @Path("/{id}/check-in-token")
    @Operation(
            summary = "The organiser's rotating QR token",
            description =
                    "Shown as a QR code on the organiser's screen and fetched again before "
                            + "it expires (the county's token validity, 30 s by default). Signed (HMAC-SHA256) for this activity.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the organiser's secretary or leader",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkInToken(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        Activity activity = activity(id);
        if (!PartyAccess.mayCertify(caller, activity.facts())) {
            throw new ForbiddenException("a %s may not show the check-in code of %s".formatted(caller.role(), id));
        }
        return Response.ok(TokenView.of(tokens.issue(activity.id(), clock.instant())))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/{id}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check in",
            description =
                    "The member who signed up scans the organiser's code: a genuine, unexpired token of this activity, "
                            + "a position inside the geofence, from the county's margin before the start until the end. A second check-in is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PresenceBody.class)))
    @PresenceResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = PRESENCE_KEY_DESCRIPTION)
    public Response checkIn(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        PresenceBody presence = PresenceBody.parse(mapper, body);
        Optional<IdempotencyClaim> claim = IdempotencyHeader.claim(caller, event, body);
        Activity activity = activity(id);
        EnrolleeId self = PartyPaths.self(caller);
        // The attendance before the key's record, both written in one transaction: a request with the same key that
        // committed in between shows in the record, and one committing later fails this one's transaction, which the
        // store answers as a retry.
        Optional<SignUp> signUp = store.findSignUp(activity.id(), self);
        Optional<Attendance> attendance = store.findAttendance(activity.id(), self);
        Optional<Attendance> earlier =
                claim.flatMap(key -> store.replay(key, activity.id(), AttendanceEventType.CHECKED_IN));
        if (earlier.isPresent()) {
            return presence(new AttendanceOutcome(earlier.get(), true));
        }
        AttendanceChange change = Attendance.checkIn(
                activity,
                signUp,
                attendance,
                tokens,
                presence.token(),
                presence.location(),
                caller,
                clock.instant(),
                rules);
        return presence(store.checkIn(change, claim));
    }

    @POST
    @Path("/{id}/check-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check out",
            description =
                    "A fresh token (not the check-in's), inside the geofence, at the latest the county's margin after "
                            + "the end. Credited minutes: presence within the window, counted when it covers the county's share of the activity.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PresenceBody.class)))
    @PresenceResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = PRESENCE_KEY_DESCRIPTION)
    public Response checkOut(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        PresenceBody presence = PresenceBody.parse(mapper, body);
        Optional<IdempotencyClaim> claim = IdempotencyHeader.claim(caller, event, body);
        Activity activity = activity(id);
        EnrolleeId self = PartyPaths.self(caller);
        // The attendance before the key's record, as at check-in.
        Optional<Attendance> found = store.findAttendance(activity.id(), self);
        Optional<Attendance> earlier =
                claim.flatMap(key -> store.replay(key, activity.id(), AttendanceEventType.CHECKED_OUT));
        if (earlier.isPresent()) {
            return presence(new AttendanceOutcome(earlier.get(), true));
        }
        if (found.isEmpty() && store.findSignUp(activity.id(), self).isEmpty()) {
            throw new ForbiddenException("only someone signed up for the activity checks out");
        }
        Attendance attendance = found.orElseThrow(() -> new IllegalTransitionException(
                "attendance", Attendance.key(activity.id(), self), "NOT_CHECKED_IN", "check-out"));
        AttendanceChange change = attendance.checkOut(
                activity.fence(), tokens, presence.token(), presence.location(), caller, clock.instant(), rules);
        return presence(store.transition(change, attendance.version(), claim));
    }

    @GET
    @Path("/{id}/attendances")
    @Operation(
            summary = "Who checked in and their ledgers",
            description = "The organiser's secretary or leader, and staff who may list the community.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttendanceView[].class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AttendanceView> activityAttendances(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        Activity activity = activity(id);
        if (!PartyAccess.mayCertify(caller, activity.facts())
                && !PartyAccess.mayListCommunity(caller, activity.community(), activity.town())) {
            throw new ForbiddenException("a %s may not list the attendances of %s".formatted(caller.role(), id));
        }
        return store.attendancesOf(activity.id()).stream()
                .map(AttendanceView::of)
                .toList();
    }

    @POST
    @Path("/{id}/attendances/{enrolleeId}/certify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Certify hours (the certified ledger)",
            description =
                    "The organiser's correction of a closed attendance (a forgotten "
                            + "check-out, a late arrival): minutes from 0 to the activity's length and why; an event records who and why.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CertifyBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the organiser's secretary or leader",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity or attendance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Still open, or a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Minutes outside 0 to the activity's length, or no reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AttendanceView certify(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @PathParam("enrolleeId") String enrolleeId,
            String body) {
        Caller caller = CallerClaims.callerOf(event);
        CertifyBody request = CertifyBody.parse(mapper, body);
        Activity activity = activity(id);
        Attendance attendance = store.findAttendance(activity.id(), PartyPaths.enrollee(enrolleeId))
                .orElseThrow(() -> new NotFoundException("attendance", id + "/" + enrolleeId));
        if (request.expectedVersion() != null && request.expectedVersion() != attendance.version()) {
            throw new VersionConflictException(
                    "attendance",
                    Attendance.key(attendance.activityId(), attendance.enrolleeId()),
                    request.expectedVersion());
        }
        Instant now = clock.instant();
        AttendanceChange change = attendance.certify(request.minutes(), request.reason(), caller, now);
        return AttendanceView.of(
                store.transition(change, attendance.version(), Optional.empty()).attendance());
    }

    private Activity activity(String id) {
        ActivityId activityId = PartyPaths.activity(id);
        return store.findActivity(activityId).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private static Response presence(AttendanceOutcome outcome) {
        return Response.ok(AttendanceView.of(outcome.attendance()))
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .build();
    }
}
