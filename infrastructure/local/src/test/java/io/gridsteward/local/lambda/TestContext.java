package io.gridsteward.local.lambda;

/** Stands in for aws-lambda-java-core's Context: the invoker implements whatever interface the handler declares. */
public interface TestContext {
    String getAwsRequestId();

    String getFunctionName();

    int getRemainingTimeInMillis();
}
