package io.gridsteward.api.fund;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.ReceiptKey;
import io.gridsteward.store.fund.ClaimHistory;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim and its trace. {@code amountFen} is what it holds now: claimed, lowered by partial approval, or paid. */
@Schema(name = "FundClaim")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(
        String id,
        String accountId,
        String fundKind,
        int fiscalYear,
        String holderOrgId,
        String communityId,
        String townId,
        String departmentId,
        String claimantId,
        String claimantRole,
        String purpose,
        ServedView served,
        List<String> receiptKeys,
        long claimedFen,
        long amountFen,
        long reservedFen,
        long refundedFen,
        String currency,
        String status,
        long version,
        String submittedAt,
        String updatedAt,
        String expiresAt,
        String rulesVersion,
        List<EventView> events) {

    static ClaimView of(ClaimHistory history) {
        var claim = history.claim();
        return new ClaimView(
                claim.id().value(),
                claim.accountId().value(),
                claim.fundKind().name(),
                claim.fiscalYear().value(),
                claim.holder().value(),
                claim.community().value(),
                claim.town().value(),
                claim.department().map(OrganisationId::value).orElse(null),
                claim.claimantId(),
                claim.claimantRole().name(),
                claim.purpose().code(),
                new ServedView(claim.served().kind().name(), claim.served().reference()),
                claim.receipts().stream().map(ReceiptKey::value).toList(),
                claim.claimed().fen(),
                claim.amount().fen(),
                claim.reservedAmount().fen(),
                claim.refunded().fen(),
                Money.CURRENCY,
                claim.status().name(),
                claim.version(),
                claim.submittedAt().toString(),
                claim.updatedAt().toString(),
                claim.expiresAt().toString(),
                claim.rulesVersion(),
                history.events().stream().map(EventView::of).toList());
    }

    @Schema(
            name = "FundClaimServedWork",
            description = "ACTIVITY, PROJECT (a project of the resources context, by its id) or DELEGATED_TASK")
    public record ServedView(String kind, String id) {}

    @Schema(name = "FundClaimEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(
            long sequence,
            String type,
            String fromStatus,
            String toStatus,
            String at,
            String actorId,
            String actorRole,
            String actorOrgId,
            String reason,
            long amountFen,
            long reservedChangeFen,
            long paidChangeFen) {

        static EventView of(ClaimEvent event) {
            return new EventView(
                    event.sequence(),
                    event.type().name(),
                    event.from().map(ClaimStatus::name).orElse(null),
                    event.to().name(),
                    event.at().toString(),
                    event.actor().userId(),
                    event.actor().role().name(),
                    event.actor().organisationId().map(OrganisationId::value).orElse(null),
                    event.reason().orElse(null),
                    event.amount().fen(),
                    event.movement().reserved().fen(),
                    event.movement().paid().fen());
        }
    }
}
