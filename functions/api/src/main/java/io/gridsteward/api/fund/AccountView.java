package io.gridsteward.api.fund;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.fund.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account and its sums in whole fen (CNY): available = funded − reserved − paid; balance = funded − paid. */
@Schema(name = "FundAccount")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(
        String id,
        String kind,
        int fiscalYear,
        String holderOrgId,
        String communityId,
        String townId,
        DelegatedTaskView delegatedTask,
        long fundedFen,
        long reservedFen,
        long paidFen,
        long availableFen,
        long balanceFen,
        String currency) {

    static AccountView of(Account account) {
        return new AccountView(
                account.id().value(),
                account.kind().name(),
                account.fiscalYear().value(),
                account.holder().value(),
                account.community().map(OrganisationId::value).orElse(null),
                account.town().map(OrganisationId::value).orElse(null),
                account.delegatedTask()
                        .map(task -> new DelegatedTaskView(
                                task.id().value(),
                                task.taskCode(),
                                task.department().value(),
                                task.funding().fen(),
                                task.delegatedAt().toString()))
                        .orElse(null),
                account.funded().fen(),
                account.reserved().fen(),
                account.paid().fen(),
                account.available().fen(),
                account.balance().fen(),
                Money.CURRENCY);
    }

    @Schema(name = "DelegatedTask")
    public record DelegatedTaskView(
            String id, String taskCode, String departmentId, long fundingFen, String delegatedAt) {}
}
