package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record TicketId(String value) {

    public TicketId {
        Identifiers.require(value);
    }

    public static TicketId generate(IdSource ids) {
        return new TicketId(ids.newId());
    }
}
