package io.gridsteward.domain.resource;

/** Every step of the context, each an immutable event on the trace of its subject. */
public enum ResourceEventType {
    /** An offer is open for claiming in its town's pool. */
    OFFER_PUBLISHED(ResourceSubject.OFFER),
    OFFER_WITHDRAWN(ResourceSubject.OFFER),
    /** A resident's small wish entered by a grid worker, waiting for its community to verify it. */
    DEMAND_SUBMITTED(ResourceSubject.DEMAND),
    /** A demand is open for claiming: raised by a community or a grid, or a small wish verified by its community. */
    DEMAND_PUBLISHED(ResourceSubject.DEMAND),
    DEMAND_REJECTED(ResourceSubject.DEMAND),
    DEMAND_WITHDRAWN(ResourceSubject.DEMAND),
    /** A quantity of an offer or a demand is taken, in the same transaction that lowers the item's remaining quantity. */
    CLAIMED(ResourceSubject.CLAIM),
    CLAIM_ACCEPTED(ResourceSubject.CLAIM),
    /** The item's side refuses the claim; the quantity goes back to the item in the same transaction. */
    CLAIM_DECLINED(ResourceSubject.CLAIM),
    PROJECT_STARTED(ResourceSubject.PROJECT),
    MILESTONE_DONE(ResourceSubject.PROJECT),
    /** An upload URL was handed out for a photo of the project's completion; only such keys count as evidence. */
    EVIDENCE_UPLOAD_ISSUED(ResourceSubject.PROJECT),
    /** The project names the fund account or delegated task its money is drawn from (an opaque reference). */
    FUNDING_LINKED(ResourceSubject.PROJECT),
    /** Done, with evidence; from now on on its community's public list. */
    PROJECT_COMPLETED(ResourceSubject.PROJECT),
    /** A resident the project served rated it, 1 to 5. */
    PROJECT_RATED(ResourceSubject.PROJECT),
    /** The community's follow-up visit and what it found (回访). */
    FOLLOWED_UP(ResourceSubject.PROJECT);

    private final ResourceSubject subject;

    ResourceEventType(ResourceSubject subject) {
        this.subject = subject;
    }

    public ResourceSubject subject() {
        return subject;
    }
}
