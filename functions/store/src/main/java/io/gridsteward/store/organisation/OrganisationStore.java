package io.gridsteward.store.organisation;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The county's structure in the table: one item per organisation, read by id or by parent. */
public final class OrganisationStore {

    private final DynamoDbClient client;
    private final String tableName;

    public OrganisationStore(DynamoDbClient client, String tableName) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
    }

    public Optional<Organisation> find(OrganisationId id) {
        GetItemResponse response =
                client.getItem(request -> request.tableName(tableName).key(Keys.organisation(id)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrganisationItems.organisation(response.item()))
                : Optional.empty();
    }

    /** The organisations directly under {@code parent}, by kind then id, from the WORK index (no Scan). */
    public List<Organisation> children(OrganisationId parent) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TableIndex.WORK.indexName())
                .keyConditionExpression("#partition = :partition")
                .expressionAttributeNames(Map.of("#partition", TableIndex.WORK.partitionAttribute()))
                .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(Keys.childrenOf(parent))))
                .build();
        List<Organisation> children = new ArrayList<>();
        client.queryPaginator(request).items().forEach(item -> children.add(OrganisationItems.organisation(item)));
        return children;
    }

    /**
     * The organisation and every one below it, level by level (parents before children, each level by kind then id);
     * empty when there is no such organisation. One index query per organisation that has children.
     */
    public List<Organisation> subtree(OrganisationId root) {
        List<Organisation> subtree = new ArrayList<>();
        find(root).ifPresent(subtree::add);
        List<Organisation> level = List.copyOf(subtree);
        while (!level.isEmpty()) {
            List<Organisation> next = new ArrayList<>();
            for (Organisation parent : level) {
                if (parent.kind() != OrganisationKind.GRID) {
                    next.addAll(children(parent.id()));
                }
            }
            subtree.addAll(next);
            level = next;
        }
        return subtree;
    }

    /** Writes or replaces an organisation; the structure is loaded from a versioned file, so last write wins. */
    public void put(Organisation organisation) {
        client.putItem(request -> request.tableName(tableName).item(OrganisationItems.item(organisation)));
    }
}
