package io.gridsteward.api.party;

import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.MemberYear;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.store.party.EnrolmentHistory;
import io.gridsteward.store.party.PartyStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * People's years (一人一档) as the records routes read them. Each person's year takes two queries, their history and
 * their attendances, and a community's record waits on every person's: they are read a few at a time, not one after
 * the other.
 */
final class MemberYears {

    /** Queries in flight for one request: well under the SDK client's 50 connections, shared by concurrent requests. */
    private static final int READS_AT_ONCE = 8;

    private MemberYears() {}

    /** A person's year from their history and attendances, judged as of now or the year's end, whichever comes first. */
    static MemberYear of(YearlyRecords records, PartyStore store, EnrolmentHistory history, int year, Instant now) {
        Instant until = records.yearStart(year + 1);
        Instant asOf = now.isBefore(until) ? now : until;
        return records.member(
                year,
                history.enrolment(),
                history.events(),
                store.attendancesOf(history.enrolment().id(), records.yearStart(year), until),
                asOf);
    }

    /** The years of {@code people}, in their order. */
    static List<MemberYear> of(YearlyRecords records, PartyStore store, List<Enrolment> people, int year, Instant now) {
        Semaphore permits = new Semaphore(READS_AT_ONCE);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MemberYear>> years = people.stream()
                    .map(person -> readers.<MemberYear>submit(() -> {
                        permits.acquire();
                        try {
                            return of(
                                    records,
                                    store,
                                    store.findEnrolment(person.id()).orElseThrow(),
                                    year,
                                    now);
                        } finally {
                            permits.release();
                        }
                    }))
                    .toList();
            return years.stream().map(MemberYears::result).toList();
        }
    }

    private static MemberYear result(Future<MemberYear> year) {
        try {
            return year.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading people's years", interrupted);
        }
    }
}
