package io.gridsteward.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The table's item count and a SHA-256 over all its items (attributes sorted, items sorted), read with a full scan. */
record TableFingerprint(long items, String checksum) {

    static TableFingerprint of(DynamoDbClient dynamoDb, String table) {
        List<String> items = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> items.add(canonical(item)));
        items.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            items.forEach(item -> digest.update((item + "\n").getBytes(StandardCharsets.UTF_8)));
            return new TableFingerprint(items.size(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }

    @Override
    public String toString() {
        return items + " items, sha256 " + checksum.substring(0, 16);
    }
}
