package io.gridsteward.local.http;

import java.util.List;

/** The routes template.yaml declares, for tests of the front (SamTemplateTest checks the template has them). */
final class TemplateRoutes {
    static final String API = "api";
    static final String DASHBOARD = "dashboard";
    static final RouteTable TABLE = new RouteTable(List.of(
            new RouteTable.Definition("ANY", "/v1/{proxy+}", API, true),
            new RouteTable.Definition("GET", "/", DASHBOARD, false),
            new RouteTable.Definition("ANY", "/v1/dashboards/{proxy+}", DASHBOARD, true)));

    private TemplateRoutes() {}
}
