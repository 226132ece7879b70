package io.gridsteward.domain.fund;

import static io.gridsteward.domain.fund.FundFixture.CIVIL_AFFAIRS_OFFICER;
import static io.gridsteward.domain.fund.FundFixture.COUNTY_LEADER;
import static io.gridsteward.domain.fund.FundFixture.EAST_SUPERVISOR;
import static io.gridsteward.domain.fund.FundFixture.EAST_TOWN;
import static io.gridsteward.domain.fund.FundFixture.HILL_GRID;
import static io.gridsteward.domain.fund.FundFixture.NOW;
import static io.gridsteward.domain.fund.FundFixture.RIVER;
import static io.gridsteward.domain.fund.FundFixture.RIVER_GRID;
import static io.gridsteward.domain.fund.FundFixture.RIVER_PARTY_LEADER;
import static io.gridsteward.domain.fund.FundFixture.RIVER_SECRETARY;
import static io.gridsteward.domain.fund.FundFixture.RULES;
import static io.gridsteward.domain.fund.FundFixture.YEAR;
import static io.gridsteward.domain.fund.FundFixture.gridFund;
import static io.gridsteward.domain.fund.FundFixture.submitted;
import static io.gridsteward.domain.fund.FundFixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void anAccountIsHeldByTheKindOfOrganisationItsFundIsFor() {
        Account account = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, RIVER_GRID, EAST_SUPERVISOR);

        assertThat(account.id().value()).isEqualTo("2026:grid-activity:grid-river-1");
        assertThat(account.community()).contains(RIVER.id());
        assertThat(account.town()).contains(EAST_TOWN.id());
        assertThat(account.available()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Account.open(FundKind.SERVICE_THE_MASSES, YEAR, RIVER_GRID, EAST_SUPERVISOR))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("holderOrgId"));
        assertThatThrownBy(() -> Account.open(FundKind.DELEGATED_TASK, YEAR, RIVER, COUNTY_LEADER))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("kind"));
    }

    @Test
    void aTownManagesOnlyItsOwnAccountsAndNobodyBelowItManagesAny() {
        assertThatThrownBy(() -> Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, HILL_GRID, EAST_SUPERVISOR))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(
                        () -> Account.open(FundKind.COUNTY_PARTY_BUILDING, YEAR, FundFixture.COUNTY, EAST_SUPERVISOR))
                .isInstanceOf(ForbiddenException.class);
        Account account = gridFund(Money.ZERO);
        assertThatThrownBy(() -> Ledger.allocate(account, yuan(10), "entry", RIVER_SECRETARY, NOW, Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Ledger.allocate(account, yuan(10), "entry", RIVER_PARTY_LEADER, NOW, Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(Account.open(FundKind.COUNTY_PARTY_BUILDING, YEAR, FundFixture.COUNTY, COUNTY_LEADER)
                        .holder())
                .isEqualTo(FundFixture.COUNTY.id());
    }

    @Test
    void anAllocationIsALedgerEntryThatFundsTheAccount() {
        Account opened = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, RIVER_GRID, EAST_SUPERVISOR);

        AccountChange change = Ledger.allocate(
                opened, yuan(3_000), "allocation-9", EAST_SUPERVISOR, NOW, Optional.of("first quarter"));

        Account after = change.accounts().getFirst();
        LedgerEntry entry = change.entries().getFirst();
        assertThat(after.funded()).isEqualTo(yuan(3_000));
        assertThat(after.available()).isEqualTo(yuan(3_000));
        assertThat(entry.type()).isEqualTo(LedgerEntryType.ALLOCATED);
        assertThat(entry.movement()).isEqualTo(Movement.fund(yuan(3_000)));
        assertThat(entry.account().grid()).contains(RIVER_GRID.id());
        assertThat(entry.reason()).contains("first quarter");
    }

    @Test
    void aTransferMovesOnlyAvailableMoneyWithinOneYear() {
        Account town = Ledger.allocate(
                        Account.open(FundKind.TOWN_PARTY_BUILDING, YEAR, EAST_TOWN, COUNTY_LEADER),
                        yuan(1_000),
                        "a",
                        COUNTY_LEADER,
                        NOW,
                        Optional.empty())
                .accounts()
                .getFirst();
        Account grid = gridFund(Money.ZERO);

        AccountChange change =
                Ledger.transfer(town, grid, yuan(400), "transfer-1", EAST_SUPERVISOR, NOW, Optional.empty());

        assertThat(change.accounts()).extracting(Account::available).containsExactly(yuan(600), yuan(400));
        assertThat(change.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.TRANSFERRED_OUT, LedgerEntryType.TRANSFERRED_IN);
        assertThat(change.entries())
                .extracting(entry -> entry.counterpart().orElseThrow())
                .containsExactly(grid.id(), town.id());
        assertThatThrownBy(() ->
                        Ledger.transfer(town, grid, yuan(1_001), "transfer-2", EAST_SUPERVISOR, NOW, Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("amountFen"));
        Account nextYear = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR.next(), RIVER_GRID, EAST_SUPERVISOR);
        assertThatThrownBy(() ->
                        Ledger.transfer(town, nextYear, yuan(1), "transfer-3", EAST_SUPERVISOR, NOW, Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("toAccountId"));
    }

    @Test
    void theYearEndCarryOverMovesWhatIsAvailableAndLeavesReservationsWithTheirClaims() {
        Account account = gridFund(yuan(1_000));
        Account withClaim = account.after(
                submitted(account, yuan(300)).entry().orElseThrow().movement(), "amountFen");
        Account nextYear = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR.next(), RIVER_GRID, EAST_SUPERVISOR);

        AccountChange change = Ledger.carryOver(withClaim, nextYear, "carry-2026", EAST_SUPERVISOR, NOW);

        Account closing = change.accounts().get(0);
        Account opening = change.accounts().get(1);
        assertThat(closing.available()).isEqualTo(Money.ZERO);
        assertThat(closing.reserved()).isEqualTo(yuan(300));
        assertThat(opening.available()).isEqualTo(yuan(700));
        assertThat(change.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.CARRIED_OVER_OUT, LedgerEntryType.CARRIED_OVER_IN);
        Account wrongHolder = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR.next(), HILL_GRID, COUNTY_LEADER);
        assertThatThrownBy(() -> Ledger.carryOver(withClaim, wrongHolder, "carry", COUNTY_LEADER, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("toAccountId"));
        assertThatThrownBy(() -> Ledger.carryOver(
                        closing,
                        opening.after(Movement.withdrawFunds(yuan(700)), "amountFen"),
                        "again",
                        EAST_SUPERVISOR,
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("amountFen"));
    }

    @Test
    void onlyAnAdmittedTaskIsDelegatedAndItsAccountOpensWithItsFunding() {
        AccountChange change = DelegatedTask.delegate(
                new DelegatedTaskId("task-1"),
                "elderly-care-visits",
                YEAR,
                RIVER,
                yuan(50_000),
                CIVIL_AFFAIRS_OFFICER,
                NOW,
                RULES);

        Account account = change.accounts().getFirst();
        assertThat(account.id().value()).isEqualTo("2026:task:task-1");
        assertThat(account.kind()).isEqualTo(FundKind.DELEGATED_TASK);
        assertThat(account.holder()).isEqualTo(RIVER.id());
        assertThat(account.available()).isEqualTo(yuan(50_000));
        assertThat(change.entries().getFirst().account().department()).contains(FundFixture.CIVIL_AFFAIRS.id());
        assertThatThrownBy(() -> DelegatedTask.delegate(
                        new DelegatedTaskId("task-2"),
                        "collect-parking-fees",
                        YEAR,
                        RIVER,
                        yuan(1),
                        CIVIL_AFFAIRS_OFFICER,
                        NOW,
                        RULES))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("taskCode"));
        assertThatThrownBy(() -> DelegatedTask.delegate(
                        new DelegatedTaskId("task-3"),
                        "elderly-care-visits",
                        YEAR,
                        RIVER_GRID,
                        yuan(1),
                        CIVIL_AFFAIRS_OFFICER,
                        NOW,
                        RULES))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("communityId"));
        assertThatThrownBy(() -> DelegatedTask.delegate(
                        new DelegatedTaskId("task-4"),
                        "elderly-care-visits",
                        YEAR,
                        RIVER,
                        yuan(1),
                        EAST_SUPERVISOR,
                        NOW,
                        RULES))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aMovementNeverTakesAvailableBelowZero() {
        Account account = gridFund(yuan(100));

        assertThat(account.after(Movement.reserve(yuan(100)), "amountFen").available())
                .isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> account.after(Movement.reserve(Money.ofFen(10_001)), "amountFen"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> {
                    assertThat(refused.errors().getFirst().field()).isEqualTo("amountFen");
                    assertThat(refused.getMessage()).contains("¥100.00 available", "¥100.01");
                });
    }
}
