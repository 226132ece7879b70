package io.gridsteward.local;

import java.io.PrintStream;

/**
 * What is put into a stack once its table exists and its front serves, while the functions' JVMs may still be
 * starting (a request through the front waits for its function's cold start). The stack knows the functions only as packaged zips, so
 * data written through the domain and the store (the demo county) comes from a module that owns that arrow.
 */
@FunctionalInterface
public interface StackSeeding {
    StackSeeding NONE = (stack, options, console) -> false;

    /** Returns true if it wrote a history the lake should receive (the stack then compacts the lake once it has). */
    boolean seed(LocalStack stack, LocalStackOptions options, PrintStream console) throws Exception;
}
