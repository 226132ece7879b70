package io.gridsteward.api.party;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.YearlyRecords;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.party.PartyStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The party-member context's store, the county's rules ({@code party.county}, env {@code PARTY_COUNTY}) and the QR
 * token signer, whose key is {@code party.check-in-token-key} (env {@code PARTY_CHECK_IN_TOKEN_KEY}): base64 of at
 * least 32 random bytes, the same for every instance of the function.
 */
@Singleton
public class PartyDependencies {

    @Produces
    @Singleton
    public PartyStore partyStore(DynamoDbClient client, TableName table, Clock clock, PageCursor cursors) {
        return new PartyStore(client, table.value(), clock, cursors);
    }

    @Produces
    @Singleton
    public PartyRules partyRules(
            @ConfigProperty(name = "party.county", defaultValue = "county-qingshan") String county) {
        return PartyRules.bundled(new OrganisationId(county));
    }

    @Produces
    @Singleton
    public YearlyRecords yearlyRecords(PartyRules rules) {
        return new YearlyRecords(rules);
    }

    @Produces
    @Singleton
    public CheckInTokens checkInTokens(
            @ConfigProperty(name = "party.check-in-token-key") String key, PartyRules rules, IdSource ids) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(
                    "party.check-in-token-key (PARTY_CHECK_IN_TOKEN_KEY) must be base64", notBase64);
        }
        return new CheckInTokens(bytes, rules.tokenValidity(), ids);
    }
}
