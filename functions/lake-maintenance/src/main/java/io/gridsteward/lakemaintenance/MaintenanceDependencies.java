package io.gridsteward.lakemaintenance;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Wires the jobs as the command does, from the environment; table and bucket through the function's settings. */
@Singleton
public class MaintenanceDependencies {

    @Produces
    @Singleton
    LakeMaintenance lakeMaintenance(MaintenanceConfiguration settings) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TABLE_NAME", settings.tableName());
        environment.put("LAKE_BUCKET", settings.bucket());
        return LakeMaintenance.fromEnvironment(environment);
    }

    void close(@Disposes LakeMaintenance maintenance) throws Exception {
        maintenance.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
