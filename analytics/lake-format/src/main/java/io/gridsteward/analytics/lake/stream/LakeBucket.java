package io.gridsteward.analytics.lake.stream;

/** Where lake objects go. One method, so tests can stand in a bucket that fails on purpose. */
public interface LakeBucket {

    /** Creates or replaces the object at the key. Throws on any failure. */
    void put(String key, byte[] body);
}
