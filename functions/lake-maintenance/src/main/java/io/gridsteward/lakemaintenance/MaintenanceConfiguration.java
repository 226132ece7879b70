package io.gridsteward.lakemaintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the scheduled function (application.properties names the environment variables). */
@ConfigMapping(prefix = "maintenance")
public interface MaintenanceConfiguration {

    /** How many days before today a scheduled run covers (env {@code MAINTENANCE_LOOKBACK_DAYS}). */
    @WithDefault("7")
    int lookbackDays();

    /** The table (env {@code TABLE_NAME}). */
    @WithDefault("grid-steward")
    String tableName();

    /** The lake bucket (env {@code LAKE_BUCKET}). */
    @WithDefault("grid-steward-lake")
    String bucket();
}
