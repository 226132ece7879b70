package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.Money;
import java.time.Duration;

/** The limits of claims on one fund kind (fund-limits.csv). */
public record FundLimits(Money claimCeiling, Money countyApprovalAbove, Duration claimExpiry) {}
