package io.gridsteward.local.stream;

import java.util.List;

/** Where records go that the function failed on after every retry: Lambda's on-failure destination. */
@FunctionalInterface
public interface DeadLetters {
    void accept(List<StreamRecordJson> records, String reason);
}
