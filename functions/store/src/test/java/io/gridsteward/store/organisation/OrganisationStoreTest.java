package io.gridsteward.store.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.core.LocalTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrganisationStoreTest {

    private static LocalTable table;
    private static OrganisationStore store;

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        store = new OrganisationStore(table.client(), LocalTable.NAME);
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void everyKindOfOrganisationRoundTrips() {
        OrganisationId county = new OrganisationId("county");
        OrganisationId town = new OrganisationId("town-east");
        OrganisationId community = new OrganisationId("community-river");
        var organisations = new Organisation[] {
            Organisation.county(county, "Demo County"),
            Organisation.town(town, "East Town", county),
            Organisation.community(community, "River Community", town),
            Organisation.grid(new OrganisationId("grid-river-1"), "River Grid 1", community, town)
                    .withCentre(new Location(30.2525, 120.1622)),
            Organisation.department(new OrganisationId("dept-water"), "Water Bureau", county),
            Organisation.unit(new OrganisationId("unit-school"), "No. 1 School", county)
        };

        for (Organisation organisation : organisations) {
            store.put(organisation);
        }

        for (Organisation organisation : organisations) {
            assertThat(store.find(organisation.id())).contains(organisation);
        }
        assertThat(table.partition("ORG#grid-river-1")).singleElement().satisfies(item -> {
            assertThat(item.get("entity").s()).isEqualTo("Organisation");
            assertThat(item.get("kind").s()).isEqualTo("GRID");
            assertThat(item.get("townId").s()).isEqualTo("town-east");
            assertThat(item.get("communityId").s()).isEqualTo("community-river");
            assertThat(item.get("latitude").n()).isEqualTo("30.2525");
            assertThat(item.get("longitude").n()).isEqualTo("120.1622");
        });
        assertThat(table.partition("ORG#town-east"))
                .singleElement()
                .satisfies(item -> assertThat(item).doesNotContainKeys("latitude", "longitude"));
    }

    @Test
    void aSubtreeIsTheOrganisationAndEveryOneBelowItParentsFirst() {
        OrganisationId county = new OrganisationId("county-subtree");
        OrganisationId town = new OrganisationId("town-subtree");
        OrganisationId otherTown = new OrganisationId("town-subtree-other");
        OrganisationId community = new OrganisationId("community-subtree");
        store.put(Organisation.county(county, "Subtree County"));
        store.put(Organisation.town(town, "Subtree Town", county));
        store.put(Organisation.town(otherTown, "Other Town", county));
        store.put(Organisation.department(new OrganisationId("dept-subtree"), "Subtree Bureau", county));
        store.put(Organisation.community(community, "Subtree Community", town));
        store.put(Organisation.grid(new OrganisationId("grid-subtree-1"), "Subtree Grid", community, town));

        assertThat(store.subtree(town))
                .extracting(organisation -> organisation.id().value())
                .containsExactly("town-subtree", "community-subtree", "grid-subtree-1");
        assertThat(store.subtree(county))
                .extracting(organisation -> organisation.id().value())
                .containsExactly(
                        "county-subtree",
                        "dept-subtree",
                        "town-subtree",
                        "town-subtree-other",
                        "community-subtree",
                        "grid-subtree-1");
        assertThat(store.subtree(new OrganisationId("nowhere"))).isEmpty();
    }

    @Test
    void putReplacesAnOrganisation() {
        OrganisationId county = new OrganisationId("county-renamed");
        store.put(Organisation.county(county, "Old Name"));

        store.put(Organisation.county(county, "New Name"));

        assertThat(store.find(county)).map(Organisation::name).contains("New Name");
    }

    @Test
    void childrenAreReadFromTheIndexByKindThenId() {
        OrganisationId county = new OrganisationId("county-tree");
        OrganisationId town = new OrganisationId("town-tree");
        store.put(Organisation.county(county, "Tree County"));
        store.put(Organisation.town(town, "Tree Town", county));
        store.put(Organisation.department(new OrganisationId("dept-tree"), "Tree Bureau", county));
        store.put(Organisation.community(new OrganisationId("community-tree"), "Tree Community", town));

        assertThat(store.children(county))
                .extracting(organisation -> organisation.id().value())
                .containsExactly("dept-tree", "town-tree");
        assertThat(store.children(town))
                .extracting(organisation -> organisation.id().value())
                .containsExactly("community-tree");
        assertThat(store.children(new OrganisationId("community-tree"))).isEmpty();
    }

    @Test
    void anUnknownOrganisationIsAbsent() {
        assertThat(store.find(new OrganisationId("nowhere"))).isEmpty();
    }
}
