package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Money;
import java.util.List;

/** What a claimant asks for: an amount, its purpose category, the work it serves and the receipts behind it. */
public record ClaimRequest(Money amount, Purpose purpose, ServedWork served, List<ReceiptKey> receipts) {

    public static final int MAXIMUM_RECEIPTS = 20;

    public ClaimRequest {
        requireNonNull(amount, "amount");
        requireNonNull(purpose, "purpose");
        requireNonNull(served, "served");
        receipts = List.copyOf(receipts);
    }
}
