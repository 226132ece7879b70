package io.gridsteward.store;

import io.gridsteward.domain.Organisation;
import io.gridsteward.domain.OrganisationId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The county's structure in the table: one item per organisation, read by id. */
public final class OrganisationStore {

    private final DynamoDbClient client;
    private final String tableName;

    public OrganisationStore(DynamoDbClient client, String tableName) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
    }

    public Optional<Organisation> find(OrganisationId id) {
        GetItemResponse response = client.getItem(request -> request.tableName(tableName).key(Keys.organisation(id)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrganisationItems.organisation(response.item()))
                : Optional.empty();
    }

    /** Writes or replaces an organisation; the structure is loaded from a versioned file, so last write wins. */
    public void put(Organisation organisation) {
        client.putItem(request -> request.tableName(tableName).item(OrganisationItems.item(organisation)));
    }
}
