package io.gridsteward.analytics.lake.stream;

import java.util.Collection;
import java.util.List;

/**
 * The lake bucket as the lake writer and the maintenance jobs use it. An interface so tests can stand in a bucket
 * that fails on purpose.
 */
public interface LakeBucket {

    /** An object of the lake: its key and size in bytes. */
    record LakeObject(String key, long size) {}

    /** Every object whose key starts with the prefix, in key order. */
    List<LakeObject> list(String prefix);

    byte[] get(String key);

    /** Creates or replaces the object at the key. Throws on any failure. */
    void put(String key, byte[] body);

    /** Deletes the objects; a key that is already gone is not an error. */
    void delete(Collection<String> keys);
}
