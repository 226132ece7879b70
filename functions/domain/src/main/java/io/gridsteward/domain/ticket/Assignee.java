package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;

/**
 * The organisation a ticket is with, and what kind it is: a grid team, a community, a town (escalated up to its
 * dispatcher) or a county department. The kind travels with the ticket and its events so that metrics can group
 * by department without looking organisations up.
 */
public record Assignee(OrganisationId id, OrganisationKind kind) {

    public Assignee {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        if (!kind.handlesTickets() && kind != OrganisationKind.TOWN) {
            throw new IllegalArgumentException("a %s cannot hold a ticket: %s".formatted(kind, id.value()));
        }
    }

    public static Assignee of(Organisation organisation) {
        return new Assignee(organisation.id(), organisation.kind());
    }
}
