package io.gridsteward.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.local.http.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo county, read from the versioned data file {@code demo/county.json}: a county, its towns, communities
 * and grids, its departments, demo users, and the tickets they report and dispatch at first start.
 */
public record DemoCounty(
        Named county, List<Town> towns, List<Named> departments, List<User> users, List<DemoTicket> tickets) {
    public static final String RESOURCE = "/demo/county.json";

    public record Named(String id, String name) {}

    public record Town(String id, String name, List<Community> communities) {}

    public record Community(String id, String name, List<Grid> grids) {}

    public record Grid(String id, String name, double latitude, double longitude) {}

    /** {@code orgId} in the data file, as in the local token endpoint's body. */
    public record User(
            String userId,
            String role,
            @JsonProperty("orgId") String organisationId,
            String description) {}

    /** A ticket {@code reporter} reports; the town's dispatcher sends it to {@code dispatchTo} when there is one. */
    public record DemoTicket(
            String category,
            String description,
            String gridId,
            double latitude,
            double longitude,
            String reporter,
            String dispatchTo) {}

    public static DemoCounty load() throws IOException {
        try (InputStream input = DemoCounty.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IOException(RESOURCE + " is missing from the demo-data jar");
            }
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(input, DemoCounty.class);
        }
    }

    /** Every organisation, parents before children, as the domain defines them. */
    public List<Organisation> organisations() {
        OrganisationId countyId = new OrganisationId(county.id());
        List<Organisation> organisations = new ArrayList<>();
        organisations.add(Organisation.county(countyId, county.name()));
        for (Town town : towns) {
            OrganisationId townId = new OrganisationId(town.id());
            organisations.add(Organisation.town(townId, town.name(), countyId));
            for (Community community : town.communities()) {
                OrganisationId communityId = new OrganisationId(community.id());
                organisations.add(Organisation.community(communityId, community.name(), townId));
                community
                        .grids()
                        .forEach(grid -> organisations.add(
                                Organisation.grid(new OrganisationId(grid.id()), grid.name(), communityId, townId)
                                        .withCentre(new Location(grid.latitude(), grid.longitude()))));
            }
        }
        departments.forEach(department -> organisations.add(
                Organisation.department(new OrganisationId(department.id()), department.name(), countyId)));
        return organisations;
    }

    public List<DemoUser> demoUsers() {
        return users.stream()
                .map(user -> new DemoUser(user.userId(), user.role(), user.organisationId(), user.description()))
                .toList();
    }

    /** The town a grid lies in, whose dispatcher dispatches its tickets. */
    public String townOf(String gridId) {
        return towns.stream()
                .filter(town -> town.communities().stream()
                        .flatMap(community -> community.grids().stream())
                        .anyMatch(grid -> grid.id().equals(gridId)))
                .map(Town::id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grid " + gridId + " is not in the demo county"));
    }

    public User dispatcherOf(String townId) {
        return users.stream()
                .filter(user -> user.role().equals("TOWN_DISPATCHER") && townId.equals(user.organisationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo county has no dispatcher for " + townId));
    }

    public User user(String userId) {
        return users.stream()
                .filter(user -> user.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + userId));
    }
}
