package io.gridsteward.api.fund;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.store.fund.AccountLedger;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account with every ledger entry on it, oldest first; the sums equal the entries' changes added up. */
@Schema(name = "FundLedger")
public record LedgerView(AccountView account, List<EntryView> entries) {

    static LedgerView of(AccountLedger ledger) {
        return new LedgerView(
                AccountView.of(ledger.account()),
                ledger.entries().stream().map(EntryView::of).toList());
    }

    @Schema(name = "FundLedgerEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(
            String id,
            String type,
            String at,
            long fundedChangeFen,
            long reservedChangeFen,
            long paidChangeFen,
            String claimId,
            String counterpartAccountId,
            String reason,
            String actorRole,
            String actorOrgId,
            String currency) {

        static EntryView of(LedgerEntry entry) {
            return new EntryView(
                    entry.id(),
                    entry.type().name(),
                    entry.at().toString(),
                    entry.movement().funded().fen(),
                    entry.movement().reserved().fen(),
                    entry.movement().paid().fen(),
                    entry.claim().map(ClaimId::value).orElse(null),
                    entry.counterpart().map(AccountId::value).orElse(null),
                    entry.reason().orElse(null),
                    entry.actor().role().name(),
                    entry.actor().organisationId().map(OrganisationId::value).orElse(null),
                    Money.CURRENCY);
        }
    }
}
