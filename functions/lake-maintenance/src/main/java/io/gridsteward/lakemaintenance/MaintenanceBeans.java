package io.gridsteward.lakemaintenance;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the jobs from the environment, as the command does. */
@Singleton
public class MaintenanceBeans {

    @Produces
    @Singleton
    LakeMaintenance lakeMaintenance() {
        return LakeMaintenance.fromEnvironment(System.getenv());
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
