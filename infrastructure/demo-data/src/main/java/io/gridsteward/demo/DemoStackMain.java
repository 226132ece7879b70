package io.gridsteward.demo;

import io.gridsteward.local.LocalStackMain;
import java.io.IOException;

/** {@code ./steward run}: the local stack with the demo county seeded into it. */
public final class DemoStackMain {

    private DemoStackMain() {}

    public static void main(String[] arguments) throws IOException, InterruptedException {
        DemoCounty county = DemoCounty.load();
        LocalStackMain.run(arguments, county.demoUsers(), new DemoSeeder(county));
    }
}
