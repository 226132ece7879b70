package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceStatus;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentEventType;
import io.gridsteward.domain.party.MemberYear;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.party.EnrolmentHistory;
import io.gridsteward.store.party.PartyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartyDemoTest {
    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @RegisterExtension
    static final DynamoDbEmulatorExtension DYNAMODB = new DynamoDbEmulatorExtension();

    @Test
    void aYearOfReportInsActivitiesAndCheckInsInEveryCommunity() throws Exception {
        DynamoDbEmulatorExtension emulator = DYNAMODB;
        emulator.dynamoDbClient().createTable(TableDefinition.createRequest("party-demo"));
        PartyStore store = new PartyStore(
                emulator.dynamoDbClient(),
                "party-demo",
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PageCursor(PageCursor.LOCAL_KEY));

        long started = System.nanoTime();
        PartyDemo.Written written = new PartyDemo(DemoCounty.load()).write(store, NOW, 20261101L);
        System.out.printf("party demo year: %s in %d ms%n", written, (System.nanoTime() - started) / 1_000_000);

        assertThat(written.enrolments()).isEqualTo(12 * 13);
        assertThat(written.activities()).isEqualTo(12 * 24);
        assertThat(written.attendances()).isGreaterThan(written.activities());
        List<Enrolment> hebin = store.allEnrolmentsOf(new OrganisationId("community-hebin"));
        assertThat(hebin)
                .extracting(Enrolment::kind)
                .contains(
                        EnrolleeKind.IN_SERVICE_MEMBER,
                        EnrolleeKind.SCATTERED_MEMBER,
                        EnrolleeKind.SUNK_STAFF,
                        EnrolleeKind.UNIT);
        List<Attendance> attendances = hebin.stream()
                .filter(enrolment -> enrolment.kind().isPerson())
                .flatMap(
                        enrolment -> store.attendancesOf(enrolment.id(), NOW.minus(Duration.ofDays(400)), NOW).stream())
                .toList();
        assertThat(attendances)
                .extracting(Attendance::status)
                .contains(AttendanceStatus.CHECKED_OUT, AttendanceStatus.AUTO_CHECKED_OUT);
        assertThat(attendances)
                .allSatisfy(attendance -> assertThat(attendance.countedMinutes())
                        .isLessThanOrEqualTo(attendance.activity().window().minutes()));
        assertThat(attendances)
                .anySatisfy(
                        attendance -> assertThat(attendance.certifiedMinutes()).isPresent());

        EnrolmentHistory wang =
                store.findEnrolment(new EnrolleeId("demo-resident-wang")).orElseThrow();
        assertThat(wang.events())
                .extracting(event -> event.type())
                .startsWith(EnrolmentEventType.REPORTED_IN, EnrolmentEventType.CONFIRMED);
        YearlyRecords records = new YearlyRecords(PartyRules.bundled(new OrganisationId("county-qingshan")));
        MemberYear year = records.member(
                2026,
                wang.enrolment(),
                wang.events(),
                store.attendancesOf(wang.enrolment().id(), records.yearStart(2026), records.yearStart(2027)),
                NOW);
        assertThat(year.activitiesAttended()).isPositive();
    }
}
