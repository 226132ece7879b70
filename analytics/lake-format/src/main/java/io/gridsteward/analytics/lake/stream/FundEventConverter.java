package io.gridsteward.analytics.lake.stream;

import io.gridsteward.analytics.lake.FundEventRow;

/**
 * {@code FundLedgerEntry} and {@code FundClaimEvent} items as rows of {@code fund_events}. Reads only the listed
 * attributes: the actor's user id, reasons, the served work's id and receipts stay out of the lake.
 */
final class FundEventConverter {

    private FundEventConverter() {}

    static FundEventRow ledgerEntry(EventImage image) {
        String account = image.requiredString("accountId");
        return new FundEventRow(
                "ledger:" + account + ":" + image.requiredString("entryId"),
                FundEventRow.LEDGER,
                image.requiredString("entryType"),
                image.requiredInstant("at"),
                account,
                image.requiredString("fundKind"),
                Math.toIntExact(image.requiredNumber("fiscalYear")),
                image.requiredString("holderId"),
                image.optionalString("communityId"),
                image.optionalString("townId"),
                image.optionalString("gridId"),
                image.optionalString("taskId"),
                image.optionalString("departmentId"),
                image.optionalString("claimId"),
                null,
                null,
                null,
                null,
                image.requiredNumber("fundedChangeFen"),
                image.requiredNumber("reservedChangeFen"),
                image.requiredNumber("paidChangeFen"),
                null,
                null,
                null,
                image.optionalString("counterpartAccountId"),
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"));
    }

    static FundEventRow claimEvent(EventImage image) {
        return new FundEventRow(
                "claim:" + image.requiredString("eventId"),
                FundEventRow.CLAIM,
                image.requiredString("eventType"),
                image.requiredInstant("at"),
                image.requiredString("accountId"),
                image.requiredString("fundKind"),
                Math.toIntExact(image.requiredNumber("fiscalYear")),
                image.requiredString("holderId"),
                image.optionalString("communityId"),
                image.optionalString("townId"),
                image.optionalString("gridId"),
                image.optionalString("taskId"),
                image.optionalString("departmentId"),
                image.requiredString("claimId"),
                image.requiredNumber("sequence"),
                image.optionalString("fromStatus"),
                image.requiredString("toStatus"),
                image.requiredNumber("amountFen"),
                image.requiredNumber("fundedChangeFen"),
                image.requiredNumber("reservedChangeFen"),
                image.requiredNumber("paidChangeFen"),
                image.optionalString("purpose"),
                image.optionalString("servedKind"),
                image.optionalInstant("submittedAt"),
                null,
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"));
    }
}
