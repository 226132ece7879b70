package io.gridsteward.api.organisation;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The county tree's store. */
@Singleton
public class OrganisationDependencies {

    @Produces
    @Singleton
    public OrganisationStore organisationStore(DynamoDbClient client, TableName table) {
        return new OrganisationStore(client, table.value());
    }
}
