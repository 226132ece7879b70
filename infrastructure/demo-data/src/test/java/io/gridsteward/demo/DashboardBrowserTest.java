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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        Assumptions.assumeTrue(
                Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElseThrow());
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options =
                LocalStackOptions.ephemeral(temporary.resolve("data"), PROJECT).withDemoData(true);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        leader = ApiUser.of(stack, "browser-leader", "COUNTY_LEADER", "county-qingshan");
        awaitTheLakeToSettle();
        awaitEveryLakeTableLoaded();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aLeaderReadsTheChartsDrillsDownSwitchesLanguageAndDownloadsACsv() throws Exception {
        // Chromium's helper processes outlive the session by a moment and keep writing to its profile, so the profile
        // and
        // the downloads live under target/, not in the class's temporary directory that JUnit deletes at once.
        Path browserDirectory =
                Files.createDirectories(BROWSER_FILES).resolve(UUID.randomUUID().toString());
        Path downloads = Files.createDirectories(browserDirectory.resolve("downloads"));
        try (Chromium browser =
                Chromium.start(Files.createDirectories(browserDirectory.resolve("profile")), downloads, 1440, 1000)) {
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
            System.out.printf(
                    "dashboard page, the county this month: first load to every panel drawn %d ms, reload %d ms%n",
                    cold / 1_000_000, cached / 1_000_000);
            browser.screenshot(SCREENSHOTS.resolve("1-county-zh.png"));

            String month = LocalDate.now(COUNTY_TIME_ZONE).toString().substring(0, 7);
            String from = month + "-01";
            String to = LocalDate.now(COUNTY_TIME_ZONE).toString();
            Map<String, String> towns = names("TOWN");

            // The on-time rate per town: the chart's bars are the API's rates, in per cent, under the towns' names.
            Map<String, Double> expectedRates = new HashMap<>();
            metric("on_time_rate", "town", from, to)
                    .forEach(row -> expectedRates.put(
                            towns.get(row.path("dimensionValue").asText()),
                            Math.round(row.path("onTimeRate").asDouble() * 1000) / 10.0));
            assertThat(expectedRates)
                    .as("the demo month has resolved tickets this month")
                    .isNotEmpty();
            assertThat(figures(browser, "onTime")).isEqualTo(expectedRates);

            // Auto-routed and hand-dispatched tickets per town, apart.
            JsonNode dispatch = panelFigures(browser, "dispatch");
            List<JsonNode> modes = metric("dispatch_modes", "town", from, to);
            Map<String, Long> expectedAuto = new HashMap<>();
            Map<String, Long> expectedHand = new HashMap<>();
            modes.forEach(row -> {
                expectedAuto.put(
                        towns.get(row.path("dimensionValue").asText()),
                        row.path("autoRoutedTickets").asLong());
                expectedHand.put(
                        towns.get(row.path("dimensionValue").asText()),
                        row.path("handDispatchedTickets").asLong());
            });
            assertThat(zip(dispatch.path("labels"), dispatch.path("values"))).containsAllEntriesOf(expectedAuto);
            assertThat(zip(dispatch.path("labels"), dispatch.path("hand"))).containsAllEntriesOf(expectedHand);
            assertThat(expectedAuto.values().stream().mapToLong(Long::longValue).sum())
                    .as("the demo month has auto-routed tickets")
                    .isPositive();

            // The headline: tickets reported this month where the problems are, the sum over the towns. The map's
            // grids are the API's grid by grid and add up to the same; so do the trend's days and the categories.
            long reported = metric("tickets_reported", "town", from, to).stream()
                    .mapToLong(row -> row.path("reportedTickets").asLong())
                    .sum();
            assertThat(reported).as("tickets reported this month").isPositive();
            assertThat(browser.script("return document.querySelector('[data-kpi=reported]').dataset.value")
                            .asText())
                    .isEqualTo(String.valueOf(reported));
            JsonNode map = panelFigures(browser, "map");
            Map<String, Long> expectedGrids = new HashMap<>();
            names("GRID").keySet().forEach(grid -> expectedGrids.put(grid, 0L));
            metric("tickets_reported", "grid", from, to)
                    .forEach(row -> expectedGrids.merge(
                            row.path("dimensionValue").asText(),
                            row.path("reportedTickets").asLong(),
                            Long::sum));
            assertThat(expectedGrids).as("every grid of the county on the map").hasSize(60);
            assertThat(zip(map.path("ids"), map.path("values"))).isEqualTo(expectedGrids);
            assertThat(sum(map.path("values"))).isEqualTo(reported);
            assertThat(sum(panelFigures(browser, "trend").path("values"))).isEqualTo(reported);
            Map<String, Long> expectedCategories = new HashMap<>();
            metric("tickets_reported", "category", from, to)
                    .forEach(row -> expectedCategories.merge(
                            row.path("dimensionValue").asText(),
                            row.path("reportedTickets").asLong(),
                            Long::sum));
            JsonNode categories = panelFigures(browser, "categories");
            assertThat(zip(categories.path("ids"), categories.path("values"))).isEqualTo(expectedCategories);
            assertThat(sum(categories.path("values"))).isEqualTo(reported);

            // Every chart has its table: the on-time table's rows are the towns.
            assertThat(toList(browser.script(
                                    "return [...document.querySelectorAll('[data-panel=onTime] tbody tr td:first-child')]"
                                            + ".map(cell => cell.textContent)"))
                            .stream()
                            .map(JsonNode::asText)
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(towns.values());

            // A CSV of the dispatch panel: UTF-8 with a byte-order mark, a header and a row per town.
            browser.click("[data-panel=dispatch] button[data-action=csv]");
            Path csv = awaitDownload(downloads, "dispatch-county-qingshan-" + month + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8)
                    .substring(1)
                    .lines()
                    .toList();
            assertThat(lines.getFirst()).startsWith("镇街,系统自动分派,人工派单");
            assertThat(lines).hasSize(1 + towns.size());

            checkTheAssessment(browser, towns, from, to);
            checkTheResourcesMovedDown(browser, towns, from, to);
            browser.screenshotOf("#group-assessment", SCREENSHOTS.resolve("4-county-assessment-zh.png"));
            browser.screenshotOf("#group-resources", SCREENSHOTS.resolve("5-county-resources-zh.png"));

            // A CSV of the funds panel: the year's amounts per town in yuan, as the API's fen add up.
            Map<String, Double> allocated = fundsByName(fundFlows("town", from, to), towns, "allocatedFen");
            browser.click("[data-panel=funds] button[data-action=csv]");
            byte[] fundBytes = Files.readAllBytes(awaitDownload(downloads, "funds-county-qingshan-" + month + ".csv"));
            assertThat(fundBytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> fundLines = new String(fundBytes, StandardCharsets.UTF_8)
                    .substring(1)
                    .lines()
                    .toList();
            assertThat(fundLines.getFirst()).startsWith("镇街,下达（元）,审批通过（元）,已支付（元）,退回（元）,执行率");
            Map<String, Double> allocatedInCsv = new HashMap<>();
            fundLines.stream()
                    .skip(1)
                    .map(line -> line.split(","))
                    .forEach(cells -> allocatedInCsv.put(cells[0], Double.parseDouble(cells[1])));
            assertThat(allocatedInCsv).isEqualTo(allocated);

            // Drill down: a click on the first town's bar in the on-time chart opens its communities.
            String firstTown =
                    panelFigures(browser, "onTime").path("ids").get(0).asText();
            JsonNode point = browser.script(
                    "const chart = echarts.getInstanceByDom(document.querySelector('[data-panel=onTime] .chart'));"
                            + "const value = chart.getOption().series[0].data[0]; return chart.convertToPixel({seriesIndex: 0}, [value / 2, 0]);");
            browser.clickAt(
                    "[data-panel=onTime] .chart",
                    point.get(0).asInt(),
                    point.get(1).asInt());
            awaitRendered(browser, firstTown);
            Map<String, String> communities = names("COMMUNITY");
            Map<String, Double> expectedCommunityRates = new HashMap<>();
            metric("on_time_rate", "community", from, to).stream()
                    .filter(row -> parentOf(row.path("dimensionValue").asText()).equals(firstTown))
                    .forEach(row -> expectedCommunityRates.put(
                            communities.get(row.path("dimensionValue").asText()),
                            Math.round(row.path("onTimeRate").asDouble() * 1000) / 10.0));
            assertThat(figures(browser, "onTime")).isEqualTo(expectedCommunityRates);
            assertThat(browser.script("return document.querySelector('#breadcrumb .current').textContent")
                            .asText())
                    .isEqualTo(towns.get(firstTown));
            // The town's funds per community: every community of the town, as the API's rows add up.
            Map<String, String> townCommunities = new LinkedHashMap<>();
            communities.forEach((id, name) -> {
                if (parentOf(id).equals(firstTown)) {
                    townCommunities.put(id, name);
                }
            });
            assertThat(figures(browser, "funds"))
                    .isEqualTo(fundsByName(fundFlows("community", from, to), townCommunities, "allocatedFen"));
            browser.screenshot(SCREENSHOTS.resolve("2-town-zh.png"));

            // English: the same figures under English words.
            browser.click("#language");
            browser.await(
                    "the page in English",
                    "return document.body.dataset.state === 'rendered' && document.documentElement.lang === 'en'",
                    PATIENCE);
            assertThat(browser.script("return document.querySelector('[data-panel=onTime] h2').textContent")
                            .asText())
                    .isEqualTo("On-time rate");
            assertThat(browser.script("return document.querySelector('header h1').textContent")
                            .asText())
                    .isEqualTo("Residents' Steward · Tickets");
            assertThat(figures(browser, "onTime")).isEqualTo(expectedCommunityRates);
            assertThat(browser.script("return document.querySelector('[data-panel=assessment] h2').textContent")
                            .asText())
                    .isEqualTo("Assessment ranking");
            assertThat(browser.script(
                                    "return document.querySelector('[data-panel=assessment] [data-rule]').textContent")
                            .asText())
                    .startsWith("Score = 100 × (")
                    .contains("at least " + assessmentRule("minimum-tickets") + " tickets");
            assertThat(figures(browser, "funds"))
                    .isEqualTo(fundsByName(fundFlows("community", from, to), townCommunities, "allocatedFen"));
            browser.screenshot(SCREENSHOTS.resolve("3-town-en.png"));
            browser.screenshotOf("#group-resources", SCREENSHOTS.resolve("6-town-resources-en.png"));
        }
    }

    /**
     * A county department's officer sees the department's own handling: what it received, accepted and resolved, its
     * ratings, backlog, misses and assessment, and the tasks it delegated; not places, members or resources.
     */
    @Test
    void aDepartmentOfficerSeesTheDepartmentsOwnHandling() throws Exception {
        // The demo month sends some of four categories' tickets to a department: the one that received most this month.
        String from = LocalDate.now(COUNTY_TIME_ZONE).toString().substring(0, 8) + "01";
        String to = LocalDate.now(COUNTY_TIME_ZONE).toString();
        String department = metric("ticket_rates", "department", from, to).stream()
                .max(Comparator.comparingLong(row -> row.path("receivedTickets").asLong()))
                .map(row -> row.path("dimensionValue").asText())
                .orElseThrow(() -> new AssertionError("no department received tickets this month"));
        String token = stack.tokenFor("browser-officer", "DEPARTMENT_OFFICER", department);
        ApiUser officer = ApiUser.of(stack, "browser-officer", "DEPARTMENT_OFFICER", department);
        Path browserDirectory =
                Files.createDirectories(BROWSER_FILES).resolve(UUID.randomUUID().toString());
        try (Chromium browser = Chromium.start(
                Files.createDirectories(browserDirectory.resolve("profile")),
                Files.createDirectories(browserDirectory.resolve("downloads")),
                1440,
                1000)) {
            // The page takes a signed-in caller's token from the session, as its sign-in form leaves it there.
            browser.open(stack.httpEndpoint().resolve("/dashboard-assets/none"));
            browser.script("sessionStorage.setItem('grid-steward-token', arguments[0]); return true", token);
            browser.open(stack.httpEndpoint().resolve("/"));
            awaitRendered(browser, department);

            String name = names("DEPARTMENT").get(department);
            long received = metric(officer, "ticket_rates", "department", from, to).stream()
                    .mapToLong(row -> row.path("receivedTickets").asLong())
                    .sum();
            assertThat(received)
                    .as("the department received tickets this month")
                    .isPositive();
            assertThat(browser.script("return document.querySelector('[data-kpi=received]').dataset.value")
                            .asText())
                    .isEqualTo(String.valueOf(received));
            Map<String, Double> onTime = new HashMap<>();
            metric(officer, "on_time_rate", "department", from, to)
                    .forEach(row ->
                            onTime.put(name, Math.round(row.path("onTimeRate").asDouble() * 1000) / 10.0));
            assertThat(figures(browser, "onTime")).isEqualTo(onTime);
            Map<String, Double> accept = new HashMap<>();
            metric(officer, "time_to_accept", "department", from, to)
                    .forEach(row -> accept.put(
                            name, Math.round(row.path("medianSeconds").asDouble() / 6) / 10.0));
            assertThat(figures(browser, "accept")).isEqualTo(accept);
            // Tickets dispatched to it by hand and none auto-routed: the chart has figures, not "no data".
            long byHand = metric(officer, "dispatch_modes", "department", from, to).stream()
                    .mapToLong(row -> row.path("handDispatchedTickets").asLong())
                    .sum();
            JsonNode dispatch = panelFigures(browser, "dispatch");
            assertThat(zip(dispatch.path("labels"), dispatch.path("hand"))).isEqualTo(Map.of(name, byHand));
            if (byHand > 0) {
                assertThat(browser.script("return document.querySelector('[data-panel=dispatch] .status').textContent")
                                .asText())
                        .isEmpty();
            }
            assertThat(browser.script(
                                    "return [...document.querySelectorAll('[data-panel=assessment] tbody tr')].map(row => row.dataset.id)")
                            .toString())
                    .isEqualTo("[\"" + department + "\"]");
            assertThat(
                            strings(
                                    browser.script(
                                            "return [...document.querySelectorAll('article.panel:not([hidden])')].map(panel => panel.dataset.panel)")))
                    .containsExactlyInAnyOrder(
                            "dispatch",
                            "accept",
                            "resolve",
                            "onTime",
                            "ratings",
                            "backlog",
                            "misses",
                            "assessment",
                            "delegatedTasks");
            assertThat(browser.script("return document.querySelector('#breadcrumb .current').textContent")
                            .asText())
                    .isEqualTo(name);
            browser.screenshot(SCREENSHOTS.resolve("7-department-zh.png"));
        }
    }

    private static void awaitRendered(Chromium browser, String scope) throws Exception {
        try {
            browser.await(
                    "every panel of " + scope + " rendered",
                    "return document.body.dataset.state === 'rendered' && document.body.dataset.scope === arguments[0]",
                    PATIENCE,
                    scope);
        } catch (AssertionError notRendered) {
            browser.screenshot(SCREENSHOTS.resolve("not-rendered-" + scope + ".png"));
            JsonNode page = browser.script(
                    "return {body: {...document.body.dataset}, errors: document.getElementById('errors')?.textContent,"
                            + " panels: [...document.querySelectorAll('article.panel')].map(panel => panel.dataset.panel + ' ' + panel.dataset.state"
                            + " + ' ' + (panel.querySelector('.status')?.textContent || '')),"
                            + " requests: performance.getEntriesByType('resource').map(entry => entry.name.replace(location.origin, '') + ' '"
                            + " + Math.round(entry.duration) + ' ms ' + entry.responseStatus)}");
            throw new AssertionError(notRendered.getMessage() + "; the page: " + page.toPrettyString(), notRendered);
        }
        JsonNode failed = browser.script(
                "return [...document.querySelectorAll('article.panel[data-state=failed]')].map(panel => panel.dataset.panel + ': ' + panel.querySelector('.status').textContent)");
        assertThat(toList(failed)).as("panels that failed").isEmpty();
    }

    /** Figures, not checks: how long each of the page's API requests took, as the browser saw it. */
    private static void printRequestTimes(Chromium browser, String load) throws Exception {
        JsonNode requests = browser.script(
                "return performance.getEntriesByType('resource').filter(entry => entry.name.includes('/v1/'))"
                        + ".map(entry => ({path: entry.name.replace(location.origin, ''), milliseconds: Math.round(entry.duration)}))");
        for (JsonNode request : toList(requests)) {
            System.out.printf(
                    "dashboard page, %s: %6d ms %s%n",
                    load,
                    request.path("milliseconds").asLong(),
                    request.path("path").asText());
        }
    }

    /**
     * The assessment of the towns this month: the ranked towns' scores and ranks as the API computes them, the red and
     * black lists, the towns not ranked, and the rule with the minimum count (read from the rules file) beside the ranking.
     */
    private static void checkTheAssessment(Chromium browser, Map<String, String> towns, String from, String to)
            throws Exception {
        int minimumTickets = assessmentRule("minimum-tickets");
        List<JsonNode> rows = metric("assessment", "town", from, to);
        Map<String, Double> expectedScores = new HashMap<>();
        Map<String, Long> expectedRanks = new HashMap<>();
        List<String> red = new ArrayList<>();
        List<String> black = new ArrayList<>();
        for (JsonNode row : rows) {
            String town = towns.get(row.path("dimensionValue").asText());
            if (row.path("ranked").asBoolean()) {
                assertThat(row.path("receivedTickets").asLong())
                        .as("a ranked town received the minimum")
                        .isGreaterThanOrEqualTo(minimumTickets);
                expectedScores.put(town, Math.round(row.path("score").asDouble() * 10) / 10.0);
                expectedRanks.put(town, row.path("rankInKind").asLong());
            }
            switch (row.path("listed").asText()) {
                case "red" -> red.add(town);
                case "black" -> black.add(town);
                default -> {}
            }
        }
        JsonNode figures = panelFigures(browser, "assessment");
        Map<String, Double> rankedScores = new HashMap<>();
        Map<String, Long> ranks = new HashMap<>();
        for (int index = 0; index < figures.path("labels").size(); index++) {
            if (!figures.path("ranks").get(index).isNull()) {
                rankedScores.put(
                        figures.path("labels").get(index).asText(),
                        figures.path("values").get(index).asDouble());
                ranks.put(
                        figures.path("labels").get(index).asText(),
                        figures.path("ranks").get(index).asLong());
            }
        }
        assertThat(rankedScores).isEqualTo(expectedScores);
        assertThat(ranks).isEqualTo(expectedRanks);
        assertThat(strings(figures.path("red"))).containsExactlyInAnyOrderElementsOf(red);
        assertThat(strings(figures.path("black"))).containsExactlyInAnyOrderElementsOf(black);
        assertThat(strings(figures.path("unranked")))
                .containsExactlyInAnyOrderElementsOf(towns.values().stream()
                        .filter(town -> !expectedScores.containsKey(town))
                        .toList());
        assertThat(browser.script("return document.querySelector('[data-panel=assessment] [data-rule]').textContent")
                        .asText())
                .contains("不少于 " + minimumTickets + " 件");
        // Each rate in the table with its count: the response rate of every town that received tickets shows
        // "accepted/judged".
        for (JsonNode row : rows) {
            if (row.path("responseJudged").asLong() > 0) {
                assertThat(browser.script(
                                        "return document.querySelector('[data-panel=assessment] tbody tr[data-id=\"' + arguments[0] + '\"] td:nth-child(6)').textContent",
                                        row.path("dimensionValue").asText())
                                .asText())
                        .contains(" · " + row.path("acceptedInTime").asLong() + "/"
                                + row.path("responseJudged").asLong() + " · ");
            }
        }
    }

    /** The resources moved down per town: funds this year, members reported in and service hours this month, resources matched this year. */
    private static void checkTheResourcesMovedDown(Chromium browser, Map<String, String> towns, String from, String to)
            throws Exception {
        List<JsonNode> funds = fundFlows("town", from, to);
        Map<String, Double> allocated = fundsByName(funds, towns, "allocatedFen");
        assertThat(allocated.values())
                .as("the demo year allocated money to every town")
                .allMatch(amount -> amount > 0);
        JsonNode fundFigures = panelFigures(browser, "funds");
        assertThat(figures(browser, "funds")).isEqualTo(allocated);
        assertThat(doubles(fundFigures.path("labels"), fundFigures.path("paid")))
                .isEqualTo(fundsByName(funds, towns, "paidFen"));
        assertThat(doubles(fundFigures.path("labels"), fundFigures.path("approved")))
                .isEqualTo(fundsByName(funds, towns, "approvedFen"));

        Map<String, String> departments = names("DEPARTMENT");
        JsonNode tasks = panelFigures(browser, "delegatedTasks");
        Map<String, Long> expectedTasks = new HashMap<>();
        fundFlows("department", from, to)
                .forEach(row -> expectedTasks.merge(
                        departments.get(row.path("dimensionValue").asText()),
                        row.path("tasksFunded").asLong(),
                        Long::sum));
        assertThat(expectedTasks.values().stream().mapToLong(Long::longValue).sum())
                .as("the demo year delegated tasks with money")
                .isPositive();
        assertThat(zip(tasks.path("labels"), tasks.path("tasksFunded"))).isEqualTo(expectedTasks);

        Map<String, Double> membersReportedIn =
                perTown(metric("party_members", "town", from, to), towns, "membersReportedIn");
        assertThat(membersReportedIn.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .as("members reported in")
                .isPositive();
        assertThat(figures(browser, "partyMembers")).isEqualTo(membersReportedIn);
        Map<String, Double> memberHours =
                perTown(metric("party_service", "town", from, to), towns, "memberCountedHours");
        memberHours.replaceAll((town, hours) -> Math.round(hours * 10) / 10.0);
        assertThat(figures(browser, "partyService")).isEqualTo(memberHours);

        String yearStart = from.substring(0, 4) + "-01-01";
        Map<String, Double> completed = perTown(metric("resource_flows", "town", yearStart, to), towns, "fulfilled");
        assertThat(completed.values().stream().mapToDouble(Double::doubleValue).sum())
                .as("projects completed this year")
                .isPositive();
        assertThat(figures(browser, "resources")).isEqualTo(completed);
        assertThat(figures(browser, "projectRatings"))
                .isEqualTo(perTown(metric("project_ratings", "town", yearStart, to), towns, "ratings"));

        // The times to claim and to complete, month by month this year: each town's claims, and each month's median in
        // days where the API has one.
        for (List<String> panelAndMetric :
                List.of(List.of("claimTimes", "time_to_claim"), List.of("completionTimes", "time_to_complete"))) {
            List<JsonNode> rows = metric(panelAndMetric.get(1), "town", yearStart, to);
            assertThat(rows).as(panelAndMetric.get(1) + " this year").isNotEmpty();
            JsonNode durations = panelFigures(browser, panelAndMetric.get(0));
            assertThat(figures(browser, panelAndMetric.get(0))).isEqualTo(perTown(rows, towns, "claims"));
            List<String> ids = strings(durations.path("ids"));
            List<String> months = strings(durations.path("months"));
            for (JsonNode row : rows) {
                assertThat(durations
                                .path("medianDays")
                                .get(ids.indexOf(row.path("dimensionValue").asText()))
                                .get(months.indexOf(
                                        row.path("periodStart").asText().substring(0, 7)))
                                .asDouble())
                        .as(panelAndMetric.get(1) + " of " + row)
                        .isEqualTo(Math.round(row.path("medianSeconds").asDouble() / 8640) / 10.0);
            }
        }
        // The demands met this year per town, of the demands published.
        List<JsonNode> demands = metric("demands_met", "town", yearStart, to);
        assertThat(perTown(demands, towns, "demands").values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .as("demands published this year")
                .isPositive();
        JsonNode demandFigures = panelFigures(browser, "demandsMet");
        assertThat(figures(browser, "demandsMet")).isEqualTo(perTown(demands, towns, "met"));
        assertThat(doubles(demandFigures.path("labels"), demandFigures.path("demands")))
                .isEqualTo(perTown(demands, towns, "demands"));
    }

    /** This year's fund rows up to {@code to}: the fund panels add up the months from 1 January. */
    private static List<JsonNode> fundFlows(String dimension, String from, String to) {
        return metric("fund_flows", dimension, from.substring(0, 4) + "-01-01", to);
    }

    /** A fund column (fen) added up per named organisation, in yuan; every organisation named, zero where it has no row. */
    private static Map<String, Double> fundsByName(
            List<JsonNode> rows, Map<String, String> organisations, String column) {
        Map<String, Long> fen = new HashMap<>();
        organisations.keySet().forEach(id -> fen.put(id, 0L));
        rows.stream()
                .filter(row -> fen.containsKey(row.path("dimensionValue").asText()))
                .forEach(row -> fen.merge(
                        row.path("dimensionValue").asText(), row.path(column).asLong(), Long::sum));
        Map<String, Double> yuan = new HashMap<>();
        fen.forEach((id, amount) -> yuan.put(organisations.get(id), amount / 100.0));
        return yuan;
    }

    /** A column added up per town over the rows (months, item types); every town named, zero where it has no row. */
    private static Map<String, Double> perTown(List<JsonNode> rows, Map<String, String> towns, String column) {
        Map<String, Double> byTown = new HashMap<>();
        towns.values().forEach(town -> byTown.put(town, 0.0));
        rows.stream()
                .filter(row -> towns.containsKey(row.path("dimensionValue").asText()))
                .forEach(row -> byTown.merge(
                        towns.get(row.path("dimensionValue").asText()),
                        row.path(column).asDouble(),
                        Double::sum));
        return byTown;
    }

    private static int assessmentRule(String name) throws Exception {
        Properties rules = new Properties();
        try (var reader = Files.newBufferedReader(PROJECT.resolve("analytics/sql/rules/assessment_rules.properties"))) {
            rules.load(reader);
        }
        return Integer.parseInt(rules.getProperty(name));
    }

    private static Map<String, Double> doubles(JsonNode labels, JsonNode values) {
        Map<String, Double> zipped = new HashMap<>();
        for (int index = 0; index < labels.size(); index++) {
            zipped.put(labels.get(index).asText(), values.get(index).asDouble());
        }
        return zipped;
    }

    private static List<String> strings(JsonNode array) {
        return toList(array).stream().map(JsonNode::asText).toList();
    }

    private static JsonNode panelFigures(Chromium browser, String panel) throws Exception {
        String figures = browser.script(
                        "return document.querySelector('[data-panel=' + arguments[0] + ']').dataset.figures", panel)
                .asText();
        return JSON.readTree(figures);
    }

    private static Map<String, Double> figures(Chromium browser, String panel) throws Exception {
        JsonNode figures = panelFigures(browser, panel);
        Map<String, Double> byLabel = new HashMap<>();
        for (int index = 0; index < figures.path("labels").size(); index++) {
            byLabel.put(
                    figures.path("labels").get(index).asText(),
                    figures.path("values").get(index).asDouble());
        }
        return byLabel;
    }

    private static long sum(JsonNode values) {
        return toList(values).stream().mapToLong(JsonNode::asLong).sum();
    }

    private static Map<String, Long> zip(JsonNode labels, JsonNode values) {
        Map<String, Long> zipped = new LinkedHashMap<>();
        for (int index = 0; index < labels.size(); index++) {
            zipped.put(labels.get(index).asText(), values.get(index).asLong());
        }
        return zipped;
    }

    private static List<JsonNode> toList(JsonNode array) {
        return Stream.iterate(0, index -> index < array.size(), index -> index + 1)
                .map(array::get)
                .toList();
    }

    private static List<JsonNode> metric(String metric, String dimension, String from, String to) {
        return metric(leader, metric, dimension, from, to);
    }

    private static List<JsonNode> metric(ApiUser user, String metric, String dimension, String from, String to) {
        return toList(user.get("/v1/dashboards/metrics?metric=" + metric + "&dimension=" + dimension
                        + "&period=month&from=" + from + "&to=" + to)
                .ok()
                .path("rows"));
    }

    private static Map<String, String> names(String kind) {
        Map<String, String> names = new LinkedHashMap<>();
        toList(leader.get("/v1/me/organisations").ok().path("organisations")).stream()
                .filter(organisation -> organisation.path("kind").asText().equals(kind))
                .forEach(organisation -> names.put(
                        organisation.path("id").asText(),
                        organisation.path("name").asText()));
        return names;
    }

    private static String parentOf(String id) {
        return toList(leader.get("/v1/me/organisations").ok().path("organisations")).stream()
                .filter(organisation -> organisation.path("id").asText().equals(id))
                .map(organisation -> organisation.path("parentId").asText())
                .findFirst()
                .orElseThrow();
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

    /** The demo month and year go table → stream → lake writer → Parquet, every context's table: wait until the lake stops growing. */
    /**
     * The dashboard's engine loads a lake table on the first query that reads it; with the demo year's thousands of small
     * objects that first query may outlast the function's timeout on a loaded machine (a 503, while the load goes on).
     * One query per table, asked again until it answers, so the page below is timed and checked against a warm engine.
     */
    private static void awaitEveryLakeTableLoaded() throws InterruptedException {
        String today = LocalDate.now(COUNTY_TIME_ZONE).toString();
        for (String metric : List.of("ticket_rates", "party_service", "fund_flows", "resource_flows")) {
            String path = "/v1/dashboards/metrics?metric=" + metric + "&dimension=town&period=month&from="
                    + today.substring(0, 8) + "01&to=" + today;
            Instant deadline = Instant.now().plus(PATIENCE);
            long started = System.nanoTime();
            int status;
            while ((status = leader.get(path).status()) != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            assertThat(status)
                    .as("the dashboard answers " + metric + " within " + PATIENCE)
                    .isEqualTo(200);
            System.out.printf(
                    "dashboard engine: %s's table loaded and queried in %d ms%n",
                    metric, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void awaitTheLakeToSettle() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> previous = List.of();
        Instant unchangedSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            List<String> objects = stack
                    .s3Client()
                    .listObjectsV2Paginator(request -> request.bucket(LocalStack.LAKE_BUCKET))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .sorted()
                    .toList();
            if (!objects.equals(previous)) {
                previous = objects;
                unchangedSince = Instant.now();
            } else if (!objects.isEmpty()
                    && Duration.between(unchangedSince, Instant.now()).toSeconds() >= 5) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the lake kept changing for " + PATIENCE);
    }
}
