package io.gridsteward.dynamodb.emulator.storage;

/** The region and account every ARN names; the emulator has one of each. */
public final class Regions {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private Regions() {}
}
