package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.domain.fund.Movement;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.fund.AccountLedger;
import io.gridsteward.store.fund.FundStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FundYearTest {
    /** Late in the year, so most of the year's claims have run their course. */
    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @RegisterExtension
    static final DynamoDbEmulatorExtension DYNAMODB = new DynamoDbEmulatorExtension();

    @Test
    void aFiscalYearOfAllocationsTasksAndClaimsLeavesEveryAccountEqualToItsLedger() throws Exception {
        DemoCounty county = DemoCounty.load();
        DYNAMODB.dynamoDbClient().createTable(TableDefinition.createRequest("fund-year"));
        FundStore store = new FundStore(
                DYNAMODB.dynamoDbClient(), "fund-year", Clock.systemUTC(), new PageCursor(PageCursor.LOCAL_KEY));

        int claims = new FundYear(county).write(store, NOW, 11);

        List<Account> accounts = new ArrayList<>();
        for (Organisation organisation : county.organisations()) {
            accounts.addAll(store.accountsOf(organisation.id()));
        }
        Map<FundKind, Integer> kinds = new EnumMap<>(FundKind.class);
        Map<ClaimStatus, Integer> statuses = new EnumMap<>(ClaimStatus.class);
        int entries = 0;
        for (Account account : accounts) {
            kinds.merge(account.kind(), 1, Integer::sum);
            AccountLedger ledger = store.ledger(account.id()).orElseThrow();
            Movement sum = ledger.entries().stream().map(LedgerEntry::movement).reduce(Movement.NONE, Movement::plus);
            assertThat(List.of(account.funded(), account.reserved(), account.paid()))
                    .as(account.id().value())
                    .containsExactly(sum.funded(), sum.reserved(), sum.paid());
            assertThat(account.available().isNegative()).isFalse();
            assertThat(ledger.entries())
                    .allSatisfy(entry -> assertThat(entry.at()).isBefore(NOW));
            entries += ledger.entries().size();
            store.claimsOn(account.id(), new PageRequest(100, Optional.empty()))
                    .claims()
                    .forEach(claim -> statuses.merge(claim.status(), 1, Integer::sum));
        }

        long communities = county.organisations().stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.COMMUNITY)
                .count();
        long grids = county.organisations().stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.GRID)
                .count();
        assertThat(kinds.get(FundKind.SERVICE_THE_MASSES)).isEqualTo((int) communities);
        assertThat(kinds.get(FundKind.GRID_PARTY_GROUP_ACTIVITY)).isEqualTo((int) grids);
        assertThat(kinds.get(FundKind.DELEGATED_TASK)).isEqualTo((int) communities * 2);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(claims);
        assertThat(statuses)
                .containsKeys(ClaimStatus.PUBLISHED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN, ClaimStatus.REVERSED);
        assertThat(store.findAccount(new AccountId("2026:service:"
                        + county.towns().getFirst().communities().getFirst().id())))
                .get()
                .satisfies(service -> assertThat(service.funded().fen()).isEqualTo(20_000_000));
        System.out.printf(
                "demo fund year: %d accounts, %d ledger entries, %d claims %s%n",
                accounts.size(), entries, claims, statuses);
    }
}
