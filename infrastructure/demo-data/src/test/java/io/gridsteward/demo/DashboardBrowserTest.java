package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.demo.browser.Chromium;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The county leaders' dashboard in a real browser (headless Chromium) on the embedded stack with the demo county and
 * its month: the charts show the figures the dashboard API answers, a click on a town's bar drills down to its
 * communities, the page switches to English, a panel's CSV downloads with a byte-order mark. Screenshots of each step
 * are kept under {@code target/dashboard-screenshots/}. Without Chromium the test is skipped, saying why.
 */
class DashboardBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of("../..");
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
    private static final Path BROWSER_FILES = Path.of("target/dashboard-browser");
    private static final ZoneId COUNTY_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    /** The first view runs a dozen SQL files on a cold engine; CI machines are shared. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    static Path temporary;
    private static LocalStack stack;
    private static ApiUser leader;

    @BeforeAll
    static void startTheStackWithTheDemoMonth() throws Exception {
        Assumptions.assumeTrue(Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElseThrow());
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(temporary.resolve("data"), PROJECT).withDemoData(true);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        leader = ApiUser.of(stack, "browser-leader", "COUNTY_LEADER", "county-qingshan");
        awaitTheLakeToSettle();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aLeaderReadsTheChartsDrillsDownSwitchesLanguageAndDownloadsACsv() throws Exception {
        // Chromium's helper processes outlive the session by a moment and keep writing to its profile, so the profile and
        // the downloads live under target/, not in the class's temporary directory that JUnit deletes at once.
        Path browserDirectory = Files.createDirectories(BROWSER_FILES).resolve(UUID.randomUUID().toString());
        Path downloads = Files.createDirectories(browserDirectory.resolve("downloads"));
        try (Chromium browser = Chromium.start(Files.createDirectories(browserDirectory.resolve("profile")), downloads, 1440, 1000)) {
            long opened = System.nanoTime();
            browser.open(stack.httpEndpoint().resolve("/"));
            awaitRendered(browser, "county-qingshan");
            long cold = System.nanoTime() - opened;
            printRequestTimes(browser, "first load");
            // Again within the cache's time to live: the same requests, answered from the dashboard's cache.
            long reopened = System.nanoTime();
            browser.open(stack.httpEndpoint().resolve("/"));
            awaitRendered(browser, "county-qingshan");
            long cached = System.nanoTime() - reopened;
            printRequestTimes(browser, "reload");
            System.out.printf("dashboard page, the county this month: first load to every panel drawn %d ms, reload %d ms%n",
                    cold / 1_000_000, cached / 1_000_000);
            browser.screenshot(SCREENSHOTS.resolve("1-county-zh.png"));

            String month = LocalDate.now(COUNTY_TIME_ZONE).toString().substring(0, 7);
            String from = month + "-01";
            String to = LocalDate.now(COUNTY_TIME_ZONE).toString();
            Map<String, String> towns = names("TOWN");

            // The on-time rate per town: the chart's bars are the API's rates, in per cent, under the towns' names.
            Map<String, Double> expectedRates = new HashMap<>();
            metric("on_time_rate", "town", from, to).forEach(row -> expectedRates.put(towns.get(row.path("dimensionValue").asText()),
                    Math.round(row.path("onTimeRate").asDouble() * 1000) / 10.0));
            assertThat(expectedRates).as("the demo month has resolved tickets this month").isNotEmpty();
            assertThat(figures(browser, "onTime")).isEqualTo(expectedRates);

            // Auto-routed and hand-dispatched tickets per town, apart.
            JsonNode dispatch = panelFigures(browser, "dispatch");
            List<JsonNode> modes = metric("dispatch_modes", "town", from, to);
            Map<String, Long> expectedAuto = new HashMap<>();
            Map<String, Long> expectedHand = new HashMap<>();
            modes.forEach(row -> {
                expectedAuto.put(towns.get(row.path("dimensionValue").asText()), row.path("autoRoutedTickets").asLong());
                expectedHand.put(towns.get(row.path("dimensionValue").asText()), row.path("handDispatchedTickets").asLong());
            });
            assertThat(zip(dispatch.path("labels"), dispatch.path("values"))).containsAllEntriesOf(expectedAuto);
            assertThat(zip(dispatch.path("labels"), dispatch.path("hand"))).containsAllEntriesOf(expectedHand);
            assertThat(expectedAuto.values().stream().mapToLong(Long::longValue).sum()).as("the demo month has auto-routed tickets").isPositive();

            // The headline: tickets reported this month, the sum over the towns; the map's points add up to the same.
            long reported = metric("ticket_rates", "town", from, to).stream().mapToLong(row -> row.path("reportedTickets").asLong()).sum();
            assertThat(browser.script("return document.querySelector('[data-kpi=reported]').dataset.value").asText())
                    .isEqualTo(String.valueOf(reported));
            JsonNode map = panelFigures(browser, "map");
            assertThat(toList(map.path("values")).stream().mapToLong(JsonNode::asLong).sum())
                    .isEqualTo(reported);
            assertThat(map.path("labels").size()).as("every grid of the county on the map").isEqualTo(60);

            // Every chart has its table: the on-time table's rows are the towns.
            assertThat(toList(browser.script("return [...document.querySelectorAll('[data-panel=onTime] tbody tr td:first-child')]"
                    + ".map(cell => cell.textContent)")).stream().map(JsonNode::asText).toList())
                    .containsExactlyInAnyOrderElementsOf(towns.values());

            // A CSV of the dispatch panel: UTF-8 with a byte-order mark, a header and a row per town.
            browser.click("[data-panel=dispatch] button[data-action=csv]");
            Path csv = awaitDownload(downloads, "dispatch-county-qingshan-" + month + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
            assertThat(lines.getFirst()).startsWith("镇街,系统自动分派,人工派单");
            assertThat(lines).hasSize(1 + towns.size());

            // Drill down: a click on the first town's bar in the on-time chart opens its communities.
            String firstTown = panelFigures(browser, "onTime").path("ids").get(0).asText();
            JsonNode point = browser.script("const chart = echarts.getInstanceByDom(document.querySelector('[data-panel=onTime] .chart'));"
                    + "const value = chart.getOption().series[0].data[0]; return chart.convertToPixel({seriesIndex: 0}, [value / 2, 0]);");
            browser.clickAt("[data-panel=onTime] .chart", point.get(0).asInt(), point.get(1).asInt());
            awaitRendered(browser, firstTown);
            Map<String, String> communities = names("COMMUNITY");
            Map<String, Double> expectedCommunityRates = new HashMap<>();
            metric("on_time_rate", "community", from, to).stream()
                    .filter(row -> parentOf(row.path("dimensionValue").asText()).equals(firstTown))
                    .forEach(row -> expectedCommunityRates.put(communities.get(row.path("dimensionValue").asText()),
                            Math.round(row.path("onTimeRate").asDouble() * 1000) / 10.0));
            assertThat(figures(browser, "onTime")).isEqualTo(expectedCommunityRates);
            assertThat(browser.script("return document.querySelector('#breadcrumb .current').textContent").asText())
                    .isEqualTo(towns.get(firstTown));
            browser.screenshot(SCREENSHOTS.resolve("2-town-zh.png"));

            // English: the same figures under English words.
            browser.click("#language");
            browser.await("the page in English", "return document.body.dataset.state === 'rendered' && document.documentElement.lang === 'en'", PATIENCE);
            assertThat(browser.script("return document.querySelector('[data-panel=onTime] h2').textContent").asText()).isEqualTo("On-time rate");
            assertThat(browser.script("return document.querySelector('header h1').textContent").asText()).isEqualTo("Residents' Steward · Tickets");
            assertThat(figures(browser, "onTime")).isEqualTo(expectedCommunityRates);
            browser.screenshot(SCREENSHOTS.resolve("3-town-en.png"));
        }
    }

    private static void awaitRendered(Chromium browser, String scope) throws Exception {
        try {
            browser.await("every panel of " + scope + " rendered",
                    "return document.body.dataset.state === 'rendered' && document.body.dataset.scope === arguments[0]", PATIENCE, scope);
        } catch (AssertionError notRendered) {
            browser.screenshot(SCREENSHOTS.resolve("not-rendered-" + scope + ".png"));
            JsonNode page = browser.script("return {body: {...document.body.dataset}, errors: document.getElementById('errors')?.textContent,"
                    + " panels: [...document.querySelectorAll('article.panel')].map(panel => panel.dataset.panel + ' ' + panel.dataset.state"
                    + " + ' ' + (panel.querySelector('.status')?.textContent || '')),"
                    + " requests: performance.getEntriesByType('resource').map(entry => entry.name.replace(location.origin, '') + ' '"
                    + " + Math.round(entry.duration) + ' ms ' + entry.responseStatus)}");
            throw new AssertionError(notRendered.getMessage() + "; the page: " + page.toPrettyString(), notRendered);
        }
        JsonNode failed = browser.script("return [...document.querySelectorAll('article.panel[data-state=failed]')].map(panel => panel.dataset.panel + ': ' + panel.querySelector('.status').textContent)");
        assertThat(toList(failed)).as("panels that failed").isEmpty();
    }

    /** Figures, not checks: how long each of the page's API requests took, as the browser saw it. */
    private static void printRequestTimes(Chromium browser, String load) throws Exception {
        JsonNode requests = browser.script("return performance.getEntriesByType('resource').filter(entry => entry.name.includes('/v1/'))"
                + ".map(entry => ({path: entry.name.replace(location.origin, ''), milliseconds: Math.round(entry.duration)}))");
        for (JsonNode request : toList(requests)) {
            System.out.printf("dashboard page, %s: %6d ms %s%n", load, request.path("milliseconds").asLong(), request.path("path").asText());
        }
    }

    private static JsonNode panelFigures(Chromium browser, String panel) throws Exception {
        String figures = browser.script("return document.querySelector('[data-panel=' + arguments[0] + ']').dataset.figures", panel).asText();
        return JSON.readTree(figures);
    }

    private static Map<String, Double> figures(Chromium browser, String panel) throws Exception {
        JsonNode figures = panelFigures(browser, panel);
        Map<String, Double> byLabel = new HashMap<>();
        for (int index = 0; index < figures.path("labels").size(); index++) {
            byLabel.put(figures.path("labels").get(index).asText(), figures.path("values").get(index).asDouble());
        }
        return byLabel;
    }

    private static Map<String, Long> zip(JsonNode labels, JsonNode values) {
        Map<String, Long> zipped = new LinkedHashMap<>();
        for (int index = 0; index < labels.size(); index++) {
            zipped.put(labels.get(index).asText(), values.get(index).asLong());
        }
        return zipped;
    }

    private static List<JsonNode> toList(JsonNode array) {
        return Stream.iterate(0, index -> index < array.size(), index -> index + 1).map(array::get).toList();
    }

    private static List<JsonNode> metric(String metric, String dimension, String from, String to) {
        return toList(leader.get("/v1/dashboards/metrics?metric=" + metric + "&dimension=" + dimension + "&period=month&from=" + from
                + "&to=" + to).ok().path("rows"));
    }

    private static Map<String, String> names(String kind) {
        Map<String, String> names = new LinkedHashMap<>();
        toList(leader.get("/v1/me/organisations").ok().path("organisations")).stream()
                .filter(organisation -> organisation.path("kind").asText().equals(kind))
                .forEach(organisation -> names.put(organisation.path("id").asText(), organisation.path("name").asText()));
        return names;
    }

    private static String parentOf(String id) {
        return toList(leader.get("/v1/me/organisations").ok().path("organisations")).stream()
                .filter(organisation -> organisation.path("id").asText().equals(id))
                .map(organisation -> organisation.path("parentId").asText())
                .findFirst().orElseThrow();
    }

    private static Path awaitDownload(Path directory, String name) throws Exception {
        Path file = directory.resolve(name);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(file) || Files.size(file) == 0) {
            if (Instant.now().isAfter(deadline)) {
                try (Stream<Path> present = Files.list(directory)) {
                    throw new AssertionError(name + " was not downloaded; the directory holds " + present.toList());
                }
            }
            Thread.sleep(200);
        }
        return file;
    }

    /** The demo month goes table → stream → lake writer → Parquet: wait until the lake stops growing. */
    private static void awaitTheLakeToSettle() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> previous = List.of();
        Instant unchangedSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            List<String> objects = stack.s3Client().listObjectsV2Paginator(request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("ticket_events/"))
                    .contents().stream().map(S3Object::key).sorted().toList();
            if (!objects.equals(previous)) {
                previous = objects;
                unchangedSince = Instant.now();
            } else if (!objects.isEmpty() && Duration.between(unchangedSince, Instant.now()).toSeconds() >= 5) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the lake kept changing for " + PATIENCE);
    }
}
