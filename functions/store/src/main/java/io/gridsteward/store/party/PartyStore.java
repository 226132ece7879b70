package io.gridsteward.store.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceChange;
import io.gridsteward.domain.party.AttendanceEvent;
import io.gridsteward.domain.party.AttendanceEventType;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentEvent;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.core.TableIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Enrolments, activities, sign-ups and attendances in the single table. Every state change is written with its event
 * in one TransactWriteItems guarded by the version read; a sign-up raises the activity's counter with a condition
 * against its capacity in the sign-up's own transaction; a check-in's Idempotency-Key record rides in the check-in's.
 */
public final class PartyStore {

    /** How long a client may retry a check-in or check-out with the same Idempotency-Key. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Racing writers on one activity cancel each other's transactions; each tries again after a short random pause. */
    private static final int MAXIMUM_WRITE_ATTEMPTS = 12;

    private static final String IDEMPOTENCY_ENTITY = "PartyIdempotency";

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final PageCursor cursors;

    public PartyStore(DynamoDbClient client, String tableName, Clock clock, PageCursor cursors) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
        this.clock = requireNonNull(clock, "clock");
        this.cursors = requireNonNull(cursors, "cursors");
    }

    /** A first report-in: the enrolment and its event, refused when the enrollee reported in already. */
    public void create(EnrolmentChange reported) {
        Enrolment enrolment = reported.enrolment();
        if (enrolment.version() != 1) {
            throw new IllegalArgumentException("a new enrolment starts at version 1");
        }
        transact(
                List.of(
                        put(PartyItems.item(enrolment), "attribute_not_exists(pk)", Map.of()),
                        put(PartyItems.item(reported.event()), "attribute_not_exists(pk)", Map.of())),
                exception -> new IllegalTransitionException(
                        "enrolment", enrolment.id().value(), "REPORTED", "report-in"));
    }

    /** The enrolment's next state and its event, provided the stored enrolment is still at {@code expectedVersion}. */
    public void transition(EnrolmentChange change, long expectedVersion) {
        Enrolment enrolment = change.enrolment();
        requireNext(enrolment.version(), expectedVersion);
        transact(
                List.of(
                        put(
                                PartyItems.item(enrolment),
                                "version = :expected",
                                Map.of(":expected", number(expectedVersion))),
                        put(PartyItems.item(change.event()), "attribute_not_exists(pk)", Map.of())),
                exception ->
                        new VersionConflictException("enrolment", enrolment.id().value(), expectedVersion));
    }

    public Optional<EnrolmentHistory> findEnrolment(EnrolleeId id) {
        Enrolment enrolment = null;
        List<EnrolmentEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(PartyKeys.enrolmentPartition(id), Optional.empty())) {
            String sort = item.get(Keys.SORT).s();
            if (sort.equals(PartyKeys.ENROLMENT_SORT)) {
                enrolment = PartyItems.enrolment(item);
            } else if (sort.startsWith(Keys.EVENT_SORT_PREFIX)) {
                events.add(PartyItems.enrolmentEvent(item));
            }
        }
        return enrolment == null ? Optional.empty() : Optional.of(new EnrolmentHistory(enrolment, events));
    }

    /** One page of a community's enrolments, of one kind when given. */
    public PartyPage<Enrolment> enrolmentsOf(OrganisationId community, Optional<EnrolleeKind> kind, PageRequest page) {
        return page(
                TableIndex.WORK,
                PartyKeys.enrolledIn(community),
                kind.map(value -> value.name() + "#"),
                PartyKeys.ENROLMENT_PREFIX,
                page,
                PartyItems::enrolment);
    }

    /** One page of the members placed in a grid party group. */
    public PartyPage<Enrolment> groupMembers(GridId group, PageRequest page) {
        return page(
                TableIndex.GRID,
                PartyKeys.partyGroup(group),
                Optional.empty(),
                PartyKeys.ENROLMENT_PREFIX,
                page,
                PartyItems::enrolment);
    }

    /** Every enrolment of a community (for its yearly record), read page by page from its index. */
    public List<Enrolment> allEnrolmentsOf(OrganisationId community) {
        return all(TableIndex.WORK, PartyKeys.enrolledIn(community), Optional.empty(), PartyItems::enrolment);
    }

    /** Every enrolment of the people who work at a unit. */
    public List<Enrolment> unitMembers(OrganisationId unit) {
        return all(TableIndex.REPORTER, PartyKeys.unitMembers(unit), Optional.empty(), PartyItems::enrolment);
    }

    public void create(Activity activity) {
        if (activity.signedUp() != 0) {
            throw new IllegalArgumentException("a new activity has no sign-ups");
        }
        transact(
                List.of(put(PartyItems.item(activity), "attribute_not_exists(pk)", Map.of())),
                exception ->
                        new IllegalTransitionException("activity", activity.id().value(), "PUBLISHED", "publish"));
    }

    public Optional<Activity> findActivity(ActivityId id) {
        return get(PartyKeys.activity(id)).map(PartyItems::activity);
    }

    /** One page of a community's activities (its own and its groups'), earliest start first. */
    public PartyPage<Activity> activitiesOf(OrganisationId community, PageRequest page) {
        return page(
                TableIndex.WORK,
                PartyKeys.activitiesOf(community),
                Optional.empty(),
                PartyKeys.ACTIVITY_PREFIX,
                page,
                PartyItems::activity);
    }

    /**
     * Takes a place: raises the activity's counter on condition that it is below the capacity, and puts the sign-up on
     * condition that there is none, in one transaction, so no interleaving of racing sign-ups exceeds the capacity.
     *
     * @throws IllegalTransitionException {@code FULL} when the last place is gone, {@code SIGNED_UP} when this person has one
     */
    public void signUp(SignUp signUp) {
        Update raise = Update.builder()
                .tableName(tableName)
                .key(PartyKeys.activity(signUp.activityId()))
                .updateExpression("SET signedUp = signedUp + :one")
                .conditionExpression("attribute_exists(pk) AND signedUp < #capacity")
                .expressionAttributeNames(Map.of("#capacity", "capacity"))
                .expressionAttributeValues(Map.of(":one", number(1)))
                .build();
        transact(
                List.of(
                        TransactWriteItem.builder().update(raise).build(),
                        put(PartyItems.item(signUp), "attribute_not_exists(pk)", Map.of())),
                exception -> new IllegalTransitionException(
                        "activity",
                        signUp.activityId().value(),
                        failed(exception, 1) ? "SIGNED_UP" : "FULL",
                        "sign-up"));
    }

    public Optional<SignUp> findSignUp(ActivityId activity, EnrolleeId enrollee) {
        return get(PartyKeys.signUp(activity, enrollee)).map(PartyItems::signUp);
    }

    /** How many sign-up items the activity's partition holds: what the counter must equal. */
    public int countSignUps(ActivityId activity) {
        return partition(PartyKeys.activityPartition(activity), Optional.of(PartyKeys.SIGN_UP_SORT_PREFIX))
                .size();
    }

    public Optional<Attendance> findAttendance(ActivityId activity, EnrolleeId enrollee) {
        return get(PartyKeys.attendance(activity, enrollee)).map(PartyItems::attendance);
    }

    /** Every attendance of an activity (not their events). */
    public List<Attendance> attendancesOf(ActivityId activity) {
        return partition(PartyKeys.activityPartition(activity), Optional.of(PartyKeys.ATTENDANCE_SORT_PREFIX)).stream()
                .map(PartyItems::attendance)
                .toList();
    }

    /** An attendance's events, oldest first. */
    public List<AttendanceEvent> attendanceEvents(ActivityId activity, EnrolleeId enrollee) {
        return partition(
                        PartyKeys.activityPartition(activity),
                        Optional.of(PartyKeys.ATTENDANCE_EVENT_SORT_PREFIX + enrollee.value() + "#"))
                .stream()
                .map(PartyItems::attendanceEvent)
                .toList();
    }

    /** A person's attendances at activities starting in [{@code from}, {@code until}), from their index. */
    public List<Attendance> attendancesOf(EnrolleeId enrollee, Instant from, Instant until) {
        List<Attendance> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(TableIndex.REPORTER.indexName())
                    .keyConditionExpression("#partition = :partition AND #sort BETWEEN :from AND :until")
                    .expressionAttributeNames(Map.of(
                            "#partition",
                            TableIndex.REPORTER.partitionAttribute(),
                            "#sort",
                            TableIndex.REPORTER.sortAttribute()))
                    .expressionAttributeValues(Map.of(
                            ":partition",
                            AttributeValue.fromS(PartyKeys.attendee(enrollee)),
                            ":from",
                            AttributeValue.fromS(Attributes.format(from)),
                            ":until",
                            AttributeValue.fromS(Attributes.format(until))));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            response.items().stream()
                    .map(PartyItems::attendance)
                    .filter(attendance ->
                            attendance.activity().window().startsAt().isBefore(until))
                    .forEach(found::add);
            startKey = lastKey(response);
        } while (startKey != null);
        return found;
    }

    /**
     * The check-in's attendance and event and, when the client sent an Idempotency-Key, its record, in one transaction.
     * A retry with the same key answers with the attendance as it is now and writes nothing.
     *
     * @throws IllegalTransitionException when this person checked in already (without the same key)
     * @throws IdempotencyKeyReusedException when the key was used before for a different request
     */
    public AttendanceOutcome checkIn(AttendanceChange checkIn, Optional<IdempotencyClaim> idempotency) {
        Attendance attendance = checkIn.attendance();
        if (attendance.version() != 1) {
            throw new IllegalArgumentException("a check-in starts an attendance at version 1");
        }
        return write(
                checkIn,
                "attribute_not_exists(pk)",
                Map.of(),
                idempotency,
                exception -> new IllegalTransitionException(
                        "attendance",
                        Attendance.key(attendance.activityId(), attendance.enrolleeId()),
                        "CHECKED_IN",
                        "check-in"));
    }

    /**
     * A check-out, auto check-out or certification, provided the attendance is still at {@code expectedVersion}; with an
     * Idempotency-Key, a retry answers with the attendance as it is now.
     *
     * @throws VersionConflictException when someone else changed the attendance first
     */
    public AttendanceOutcome transition(
            AttendanceChange change, long expectedVersion, Optional<IdempotencyClaim> idempotency) {
        Attendance attendance = change.attendance();
        requireNext(attendance.version(), expectedVersion);
        return write(
                change,
                "version = :expected",
                Map.of(":expected", number(expectedVersion)),
                idempotency,
                exception -> new VersionConflictException(
                        "attendance",
                        Attendance.key(attendance.activityId(), attendance.enrolleeId()),
                        expectedVersion));
    }

    /**
     * The attendance as it is now when an earlier request of this caller with this key took this step on it; empty when
     * the key is unused or expired. Read before the domain decides, since a retried check-in would be refused as a second one.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request, activity or step
     */
    public Optional<Attendance> replay(IdempotencyClaim claim, ActivityId activity, AttendanceEventType step) {
        Optional<Map<String, AttributeValue>> record = get(PartyKeys.idempotency(claim.callerId(), claim.key()));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Attributes attributes = Attributes.of(record.get());
        if (attributes.longNumber(TableDefinition.TIME_TO_LIVE_ATTRIBUTE)
                < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        if (!attributes.string("activityId").equals(activity.value())
                || !attributes.string("step").equals(step.name())
                || !attributes.string("requestHash").equals(claim.requestHash())) {
            throw new IdempotencyKeyReusedException(claim.key());
        }
        EnrolleeId enrollee = new EnrolleeId(attributes.string("enrolleeId"));
        return Optional.of(findAttendance(activity, enrollee)
                .orElseThrow(() -> new IllegalStateException(
                        "idempotency record points at a missing attendance " + Attendance.key(activity, enrollee))));
    }

    /**
     * Open attendances whose activity ended before {@code now}, earliest end first, from the check-out index's day
     * partitions of the last {@code lookbackDays} days (eventually consistent: the job re-reads each before closing it).
     */
    public List<Attendance> openAttendancesEndedBefore(Instant now, int lookbackDays, int limit) {
        List<Attendance> found = new ArrayList<>();
        Instant day = now.minus(Duration.ofDays(lookbackDays));
        while (!day.isAfter(now) && found.size() < limit) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(TableIndex.DUE.indexName())
                        .keyConditionExpression("#partition = :partition AND #sort < :now")
                        .expressionAttributeNames(Map.of(
                                "#partition",
                                TableIndex.DUE.partitionAttribute(),
                                "#sort",
                                TableIndex.DUE.sortAttribute()))
                        .expressionAttributeValues(Map.of(
                                ":partition",
                                AttributeValue.fromS(PartyKeys.checkOutDueOn(day)),
                                ":now",
                                AttributeValue.fromS(Attributes.format(now))))
                        .limit(limit - found.size());
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = client.query(request.build());
                response.items().stream().map(PartyItems::attendance).forEach(found::add);
                startKey = lastKey(response);
            } while (startKey != null && found.size() < limit);
            day = day.plus(Duration.ofDays(1));
        }
        return found;
    }

    private AttendanceOutcome write(
            AttendanceChange change,
            String condition,
            Map<String, AttributeValue> values,
            Optional<IdempotencyClaim> idempotency,
            Function<TransactionCanceledException, RuntimeException> refusal) {
        Attendance attendance = change.attendance();
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(PartyItems.item(attendance), condition, values));
        writes.add(put(PartyItems.item(change.event()), "attribute_not_exists(pk)", Map.of()));
        idempotency.ifPresent(claim -> writes.add(put(
                idempotencyRecord(claim, change.event(), now),
                "attribute_not_exists(pk) OR expiresAt < :now",
                Map.of(":now", number(now.getEpochSecond())))));
        try {
            transact(writes, refusal);
            return new AttendanceOutcome(attendance, false);
        } catch (IllegalTransitionException | VersionConflictException refused) {
            // A request with the same key that committed first explains the refusal: answer as a retry would be
            // answered.
            Optional<Attendance> earlier = idempotency.flatMap(claim ->
                    replay(claim, attendance.activityId(), change.event().type()));
            return earlier.map(found -> new AttendanceOutcome(found, true)).orElseThrow(() -> refused);
        }
    }

    private Map<String, AttributeValue> idempotencyRecord(IdempotencyClaim claim, AttendanceEvent event, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(
                Attributes.builder(IDEMPOTENCY_ENTITY, PartyKeys.idempotency(claim.callerId(), claim.key()))
                        .string("callerId", claim.callerId())
                        .string("idempotencyKey", claim.key())
                        .string("requestHash", claim.requestHash())
                        .string("activityId", event.activityId().value())
                        .string("enrolleeId", event.enrolleeId().value())
                        .string("step", event.type().name())
                        .number("sequence", event.sequence())
                        .instant("createdAt", now)
                        .build());
        item.put(
                TableDefinition.TIME_TO_LIVE_ATTRIBUTE,
                number(now.plus(IDEMPOTENCY_WINDOW).getEpochSecond()));
        return Map.copyOf(item);
    }

    /**
     * Commits one transaction; while other transactions on the same items are in flight, tries again after a short
     * random pause. A failed condition is the caller's {@code refusal}.
     */
    private void transact(
            List<TransactWriteItem> writes, Function<TransactionCanceledException, RuntimeException> refusal) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException exception) {
                if (anyFailed(exception) || attempt == MAXIMUM_WRITE_ATTEMPTS || !conflicted(exception)) {
                    throw refusal.apply(exception);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", interrupted);
        }
    }

    private <T> PartyPage<T> page(
            TableIndex index,
            String partition,
            Optional<String> sortPrefix,
            String itemPrefix,
            PageRequest page,
            Function<Map<String, AttributeValue>, T> reader) {
        QueryRequest.Builder request = indexQuery(index, partition, sortPrefix).limit(page.limit());
        page.cursor()
                .ifPresent(cursor -> request.exclusiveStartKey(cursors.decode(cursor, index, partition, itemPrefix)));
        QueryResponse response = client.query(request.build());
        Map<String, AttributeValue> last = lastKey(response);
        return new PartyPage<>(
                response.items().stream().map(reader).toList(),
                Optional.ofNullable(last).map(keys -> cursors.encode(keys, index, partition)));
    }

    private <T> List<T> all(
            TableIndex index,
            String partition,
            Optional<String> sortPrefix,
            Function<Map<String, AttributeValue>, T> reader) {
        List<T> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = indexQuery(index, partition, sortPrefix);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            response.items().stream().map(reader).forEach(found::add);
            startKey = lastKey(response);
        } while (startKey != null);
        return found;
    }

    private QueryRequest.Builder indexQuery(TableIndex index, String partition, Optional<String> sortPrefix) {
        Map<String, String> names = new HashMap<>(Map.of("#partition", index.partitionAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", AttributeValue.fromS(partition)));
        String condition = "#partition = :partition";
        if (sortPrefix.isPresent()) {
            condition += " AND begins_with(#sort, :prefix)";
            names.put("#sort", index.sortAttribute());
            values.put(":prefix", AttributeValue.fromS(sortPrefix.get()));
        }
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(index.indexName())
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    private List<Map<String, AttributeValue>> partition(String partitionKey, Optional<String> sortPrefix) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partitionKey)));
        sortPrefix.ifPresent(prefix -> values.put(":prefix", AttributeValue.fromS(prefix)));
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression(
                            sortPrefix.isPresent() ? "pk = :pk AND begins_with(sk, :prefix)" : "pk = :pk")
                    .expressionAttributeValues(values)
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            found.addAll(response.items());
            startKey = lastKey(response);
        } while (startKey != null);
        return found;
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        GetItemResponse response =
                client.getItem(request -> request.tableName(tableName).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static void requireNext(long version, long expectedVersion) {
        if (version != expectedVersion + 1) {
            throw new IllegalArgumentException("a step from version %d must produce version %d, not %d"
                    .formatted(expectedVersion, expectedVersion + 1, version));
        }
    }

    private static Map<String, AttributeValue> lastKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey()
                : null;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static boolean failed(TransactionCanceledException exception, int index) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().size() > index
                && CONDITIONAL_CHECK_FAILED.equals(
                        exception.cancellationReasons().get(index).code());
    }

    private static boolean anyFailed(TransactionCanceledException exception) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch(CONDITIONAL_CHECK_FAILED::equals);
    }

    private static boolean conflicted(TransactionCanceledException exception) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch(TRANSACTION_CONFLICT::equals);
    }
}
