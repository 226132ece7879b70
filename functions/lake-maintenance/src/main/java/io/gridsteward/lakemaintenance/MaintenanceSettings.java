package io.gridsteward.lakemaintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the scheduled function (application.properties names the environment variables). */
@ConfigMapping(prefix = "maintenance")
public interface MaintenanceSettings {

    /** How many days before today a scheduled run covers (env {@code MAINTENANCE_LOOKBACK_DAYS}). */
    @WithDefault("7")
    int lookbackDays();
}
