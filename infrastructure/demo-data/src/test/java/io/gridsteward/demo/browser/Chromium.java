package io.gridsteward.demo.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol with the JDK's HTTP client: just what a page
 * test needs (open, run a script, click, take a whole-page screenshot, allow downloads into a directory).
 */
public final class Chromium implements AutoCloseable {

    /** Debian's packages: {@code chromium} and {@code chromium-driver}. */
    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process driver;
    private final URI session;

    private Chromium(Process driver, URI session) {
        this.driver = driver;
        this.session = session;
    }

    /** Why the browser cannot run here, if it cannot. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return Optional.of("headless Chromium is not installed (" + BROWSER + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver fonts-noto-cjk, as .ci/run does");
        }
        return Optional.empty();
    }

    public static Chromium start(Path userDataDirectory, Path downloads, int width, int height) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                if (send("GET", base.resolve("status"), null)
                        .path("value")
                        .path("ready")
                        .asBoolean()) {
                    break;
                }
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    driver.destroyForcibly();
                    throw new IllegalStateException("chromedriver did not answer on port " + port, notYet);
                }
            }
            Thread.sleep(100);
        }
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", BROWSER.toString());
        ArrayNode arguments = options.putArray("args");
        List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + userDataDirectory,
                        "--window-size=" + width + "," + height,
                        "--lang=zh-CN",
                        "--hide-scrollbars")
                .forEach(arguments::add);
        ObjectNode preferences = options.putObject("prefs");
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
        try {
            JsonNode created = send("POST", base.resolve("session"), capabilities);
            Chromium chromium = new Chromium(
                    driver,
                    base.resolve(
                            "session/" + created.path("value").path("sessionId").asText() + "/"));
            chromium.devTools(
                    "Browser.setDownloadBehavior",
                    JSON.createObjectNode().put("behavior", "allow").put("downloadPath", downloads.toString()));
            return chromium;
        } catch (RuntimeException | IOException failure) {
            driver.destroyForcibly();
            throw failure;
        }
    }

    public void open(URI page) throws IOException, InterruptedException {
        command("POST", "url", JSON.createObjectNode().put("url", page.toString()));
    }

    /** Runs {@code script} as a function body in the page and returns what it returns, as JSON. */
    public JsonNode script(String script, Object... arguments) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        ArrayNode args = body.putArray("args");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument));
        }
        return command("POST", "execute/sync", body);
    }

    /** Waits until {@code condition} (a script returning a boolean) holds. */
    public void await(String what, String condition, Duration patience, Object... arguments)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!script(condition, arguments).asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the page did not come to this in " + patience + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Clicks the element {@code selector} names, as a user would (it must be visible). */
    public void click(String selector) throws IOException, InterruptedException {
        command("POST", "element/" + element(selector) + "/click", JSON.createObjectNode());
    }

    /** Moves the mouse to a point inside the element {@code selector} names, relative to its top-left corner, and clicks. */
    public void clickAt(String selector, int x, int y) throws IOException, InterruptedException {
        JsonNode box = script(
                "const box = document.querySelector(arguments[0]).getBoundingClientRect(); "
                        + "return {width: box.width, height: box.height};",
                selector);
        ObjectNode origin = JSON.createObjectNode().put("element-6066-11e4-a52e-4f735466cecf", element(selector));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode pointer =
                body.putArray("actions").addObject().put("type", "pointer").put("id", "mouse");
        pointer.putObject("parameters").put("pointerType", "mouse");
        ArrayNode steps = pointer.putArray("actions");
        steps.addObject().put("type", "pointerMove").put("duration", 0).set("origin", origin);
        ((ObjectNode) steps.get(0))
                .put("x", x - (int) (box.path("width").asDouble() / 2))
                .put("y", y - (int) (box.path("height").asDouble() / 2));
        steps.addObject().put("type", "pointerDown").put("button", 0);
        steps.addObject().put("type", "pointerUp").put("button", 0);
        command("POST", "actions", body);
    }

    /** The whole page, beyond the window, as a PNG. */
    public void screenshot(Path file) throws IOException, InterruptedException {
        JsonNode metrics = devTools("Page.getLayoutMetrics", JSON.createObjectNode());
        JsonNode size = metrics.path("cssContentSize");
        ObjectNode parameters = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        parameters
                .putObject("clip")
                .put("x", 0)
                .put("y", 0)
                .put("width", size.path("width").asDouble())
                .put("height", size.path("height").asDouble())
                .put("scale", 1);
        JsonNode shot = devTools("Page.captureScreenshot", parameters);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** A screenshot of the first element matching {@code selector}, scrolled into view, at its own size. */
    public void screenshotOf(String selector, Path file) throws IOException, InterruptedException {
        JsonNode box = script(
                "const node = document.querySelector(arguments[0]); node.scrollIntoView();"
                        + " const box = node.getBoundingClientRect(); return {x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height};",
                selector);
        ObjectNode parameters = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        parameters
                .putObject("clip")
                .put("x", box.path("x").asDouble())
                .put("y", box.path("y").asDouble())
                .put("width", box.path("width").asDouble())
                .put("height", box.path("height").asDouble())
                .put("scale", 1);
        JsonNode shot = devTools("Page.captureScreenshot", parameters);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // The driver is stopped below in any case.
        } finally {
            driver.destroy();
            try {
                driver.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String element(String selector) throws IOException, InterruptedException {
        JsonNode found = command(
                "POST",
                "element",
                JSON.createObjectNode().put("using", "css selector").put("value", selector));
        return found.path("element-6066-11e4-a52e-4f735466cecf").asText();
    }

    private JsonNode devTools(String command, ObjectNode parameters) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("cmd", command);
        body.set("params", parameters);
        return command("POST", "goog/cdp/execute", body);
    }

    private JsonNode command(String method, String path, JsonNode body) throws IOException, InterruptedException {
        return send(method, session.resolve(path), body).path("value");
    }

    private static JsonNode send(String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + uri + " answered " + response.statusCode()
                    + ": " + answer.path("value").path("message").asText(response.body()));
        }
        return answer;
    }
}
