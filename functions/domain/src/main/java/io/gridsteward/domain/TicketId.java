package io.gridsteward.domain;

public record TicketId(String value) {

    public TicketId {
        Identifiers.require(value);
    }

    public static TicketId generate(IdSource ids) {
        return new TicketId(ids.newId());
    }
}
