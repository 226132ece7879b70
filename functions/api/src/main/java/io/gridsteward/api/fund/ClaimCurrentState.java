package io.gridsteward.api.fund;

import io.gridsteward.api.core.CurrentState;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.store.fund.FundStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A claim's status and version for 409 answers. */
@ApplicationScoped
public class ClaimCurrentState implements CurrentState {

    private final FundStore funds;

    public ClaimCurrentState(FundStore funds) {
        this.funds = funds;
    }

    @Override
    public String kind() {
        return Claim.KIND;
    }

    @Override
    public Optional<Versioned> find(String id) {
        ClaimId claimId;
        try {
            claimId = new ClaimId(id);
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
        return funds.findClaim(claimId)
                .map(history -> new Versioned(
                        history.claim().status().name(), history.claim().version()));
    }
}
