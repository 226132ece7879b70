package io.gridsteward.api.party;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.CheckInToken;
import io.gridsteward.domain.party.CommunityYear;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentEvent;
import io.gridsteward.domain.party.MemberYear;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.domain.party.UnitYear;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.party.EnrolmentHistory;
import io.gridsteward.store.party.PartyPage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The party-member context as the API shows it. Actors appear by role and organisation, never by user id. */
final class PartyViews {

    private PartyViews() {}

    private static String time(Instant instant) {
        return Attributes.format(instant);
    }

    /** Hours with two decimals from whole minutes. */
    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
    }

    @Schema(name = "Enrolment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnrolmentView(
            String enrolleeId,
            String kind,
            String status,
            String communityId,
            String townId,
            String groupId,
            String workplaceUnitId,
            List<String> skills,
            List<String> preferredKinds,

            @Schema(description = "Only for the enrollee and the community's secretary")
            String contact,

            String firstReportedAt,
            String lastReportedAt,
            long version,
            List<EnrolmentEventView> events) {

        static EnrolmentView of(EnrolmentHistory history, Caller caller) {
            Enrolment enrolment = history.enrolment();
            boolean contactVisible = PartyAccess.isEnrollee(caller, enrolment.id())
                    || PartyAccess.mayPlace(caller, enrolment.community())
                    || enrolment.kind() == EnrolleeKind.UNIT
                            && caller.actsFor(new OrganisationId(enrolment.id().value()));
            return of(
                    enrolment,
                    contactVisible,
                    history.events().stream().map(EnrolmentEventView::of).toList());
        }

        /** A list entry: no history, no contact. */
        static EnrolmentView entry(Enrolment enrolment) {
            return of(enrolment, false, null);
        }

        private static EnrolmentView of(Enrolment enrolment, boolean contactVisible, List<EnrolmentEventView> events) {
            return new EnrolmentView(
                    enrolment.id().value(),
                    enrolment.kind().name(),
                    enrolment.status().name(),
                    enrolment.community().value(),
                    enrolment.town().value(),
                    enrolment.group().map(GridId::value).orElse(null),
                    enrolment.workplaceUnit().map(OrganisationId::value).orElse(null),
                    enrolment.skills(),
                    enrolment.preferredKinds().stream().map(ActivityKind::name).toList(),
                    contactVisible ? enrolment.contact().orElse(null) : null,
                    time(enrolment.firstReportedAt()),
                    time(enrolment.lastReportedAt()),
                    enrolment.version(),
                    events);
        }
    }

    @Schema(name = "EnrolmentEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnrolmentEventView(
            long sequence,
            String type,
            String from,
            String to,
            String occurredAt,
            String actorRole,
            String actorOrgId,
            String communityId,
            String groupId,
            String previousCommunityId,
            String previousGroupId,
            String reason) {

        static EnrolmentEventView of(EnrolmentEvent event) {
            return new EnrolmentEventView(
                    event.sequence(),
                    event.type().name(),
                    event.from().map(Enum::name).orElse(null),
                    event.to().name(),
                    time(event.occurredAt()),
                    event.actor().role().name(),
                    event.actor().organisationId().map(OrganisationId::value).orElse(null),
                    event.community().value(),
                    event.group().map(GridId::value).orElse(null),
                    event.previousCommunity().map(OrganisationId::value).orElse(null),
                    event.previousGroup().map(GridId::value).orElse(null),
                    event.reason().orElse(null));
        }
    }

    @Schema(name = "EnrolmentPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnrolmentPageView(List<EnrolmentView> items, String nextCursor) {

        static EnrolmentPageView of(PartyPage<Enrolment> page) {
            return new EnrolmentPageView(
                    page.items().stream().map(EnrolmentView::entry).toList(),
                    page.nextCursor().orElse(null));
        }
    }

    @Schema(name = "Activity")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActivityView(
            String id,
            String kind,
            String title,
            String organiserId,
            String communityId,
            String townId,
            String gridId,
            String startsAt,
            String endsAt,
            PartyRequests.PositionBody location,
            int radiusMetres,
            int capacity,
            int signedUp) {

        static ActivityView of(Activity activity) {
            return new ActivityView(
                    activity.id().value(),
                    activity.kind().name(),
                    activity.title(),
                    activity.organiser().value(),
                    activity.community().value(),
                    activity.town().value(),
                    activity.grid().map(GridId::value).orElse(null),
                    time(activity.window().startsAt()),
                    time(activity.window().endsAt()),
                    new PartyRequests.PositionBody(
                            activity.fence().centre().latitude(),
                            activity.fence().centre().longitude()),
                    activity.fence().radiusMetres(),
                    activity.capacity(),
                    activity.signedUp());
        }
    }

    @Schema(name = "ActivityPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActivityPageView(List<ActivityView> items, String nextCursor) {

        static ActivityPageView of(PartyPage<Activity> page) {
            return new ActivityPageView(
                    page.items().stream().map(ActivityView::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }

    @Schema(name = "SignUp")
    record SignUpView(String activityId, String enrolleeId, String signedUpAt) {}

    @Schema(
            name = "CheckInToken",
            description = "What the organiser's screen shows as a QR code until expiresAt; fetch a new one before then")
    record TokenView(String token, String expiresAt) {

        static TokenView of(CheckInToken token) {
            return new TokenView(token.value(), time(token.expiresAt()));
        }
    }

    @Schema(name = "Attendance", description = "Presence at one activity and its two ledgers")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttendanceView(
            String activityId,
            String enrolleeId,
            String enrolleeKind,
            String status,
            String checkedInAt,
            String checkedOutAt,
            long presentMinutes,

            @Schema(
                    description =
                            "From check-in and check-out only, capped by the window, zero under the presence share")
            long creditedMinutes,

            @Schema(description = "The organiser's correction, when there is one")
            Long certifiedMinutes,

            long version) {

        static AttendanceView of(Attendance attendance) {
            return new AttendanceView(
                    attendance.activityId().value(),
                    attendance.enrolleeId().value(),
                    attendance.enrolleeKind().name(),
                    attendance.status().name(),
                    time(attendance.checkedInAt()),
                    attendance.checkedOutAt().map(PartyViews::time).orElse(null),
                    attendance.presentMinutes(),
                    attendance.creditedMinutes(),
                    attendance.certifiedMinutes().isPresent()
                            ? attendance.certifiedMinutes().getAsLong()
                            : null,
                    attendance.version());
        }
    }

    @Schema(name = "MemberYear", description = "A person's yearly record (一人一档)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberYearView(
            int year,
            String enrolleeId,
            String kind,
            String communityId,
            String groupId,
            String workplaceUnitId,
            int activitiesAttended,
            BigDecimal creditedHours,
            BigDecimal certifiedHours,
            BigDecimal countedHours,
            long targetHours,
            boolean targetMet,
            Map<String, Integer> pointsByKind,
            int points,
            int passMark,
            boolean passMarkMet,
            int reportPeriodsDue,
            int reportPeriodsMet,

            @Schema(description = "False when a half-year's report-in is missing: not to be rated 合格 or above")
            boolean mayBeRatedQualified,

            String rulesVersion) {

        static MemberYearView of(MemberYear year, long targetHours, int passMark, String rulesVersion) {
            Map<String, Integer> points = new TreeMap<>();
            year.pointsByKind().forEach((kind, value) -> points.put(kind.name(), value));
            return new MemberYearView(
                    year.year(),
                    year.enrolleeId().value(),
                    year.kind().name(),
                    year.community().value(),
                    year.group().map(GridId::value).orElse(null),
                    year.workplaceUnit().map(OrganisationId::value).orElse(null),
                    year.activitiesAttended(),
                    hours(year.creditedMinutes()),
                    hours(year.certifiedMinutes()),
                    hours(year.countedMinutes()),
                    targetHours,
                    year.targetMet(),
                    points,
                    year.points(),
                    passMark,
                    year.passMarkMet(),
                    year.reportPeriodsDue(),
                    year.reportPeriodsMet(),
                    year.mayBeRatedQualified(),
                    rulesVersion);
        }
    }

    @Schema(name = "UnitYear", description = "A resident unit's yearly record")
    record UnitYearView(
            int year,
            String unitId,
            boolean unitReportedIn,
            int members,
            int membersReportedIn,
            int membersMeetingTarget,
            BigDecimal reportRate,
            BigDecimal completionRate,
            BigDecimal countedHours,
            boolean eligibleForAssessment) {

        static UnitYearView of(UnitYear year) {
            return new UnitYearView(
                    year.year(),
                    year.unit().value(),
                    year.unitReportedIn(),
                    year.members(),
                    year.membersReportedIn(),
                    year.membersMeetingTarget(),
                    year.reportRate(),
                    year.completionRate(),
                    hours(year.countedMinutes()),
                    year.eligibleForAssessment());
        }
    }

    @Schema(name = "CommunityYear", description = "A community's yearly record")
    record CommunityYearView(
            int year,
            String communityId,
            Map<String, Integer> confirmedByKind,
            int membersReportInCompliant,
            int membersMeetingTarget,
            BigDecimal creditedHours,
            BigDecimal certifiedHours,
            BigDecimal countedHours,
            List<MemberYearView> members) {

        static CommunityYearView of(CommunityYear year, List<MemberYearView> members) {
            Map<String, Integer> confirmed = new TreeMap<>();
            year.confirmedByKind().forEach((kind, value) -> confirmed.put(kind.name(), value));
            return new CommunityYearView(
                    year.year(),
                    year.community().value(),
                    confirmed,
                    year.membersReportInCompliant(),
                    year.membersMeetingTarget(),
                    hours(year.creditedMinutes()),
                    hours(year.certifiedMinutes()),
                    hours(year.countedMinutes()),
                    members);
        }
    }
}
