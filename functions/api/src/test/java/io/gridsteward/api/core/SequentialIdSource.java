package io.gridsteward.api.core;

import io.gridsteward.domain.core.IdSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/** Ticket ids a test can predict, so it can look in the table for a ticket that must not exist. */
@Alternative
@Priority(1)
@Singleton
public class SequentialIdSource implements IdSource {

    private final AtomicLong counter = new AtomicLong();

    @Override
    public String newId() {
        return idNumber(counter.incrementAndGet());
    }

    /** The id the next report would get. */
    public String peekNext() {
        return idNumber(counter.get() + 1);
    }

    private static String idNumber(long number) {
        return "api-ticket-" + number;
    }
}
