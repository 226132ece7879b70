package io.gridsteward.dynamodb.emulator.value;

import java.util.Arrays;
import java.util.Base64;

/** Immutable bytes with value equality and DynamoDB's unsigned byte ordering. */
public record Bytes(byte[] content) implements Comparable<Bytes> {
    public Bytes {
        content = content.clone();
    }

    public static Bytes fromBase64(String text) {
        return new Bytes(Base64.getDecoder().decode(text));
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int length() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(content, bytes.content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(content, other.content);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
