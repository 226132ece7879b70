package io.gridsteward.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The page and the files it loads. Each file is served under a name carrying a digest of its content
 * ({@code dashboard.3f2a….js}), so a browser may keep it for a year and a new build is fetched at once; the page itself
 * names the current files and is revalidated on every load.
 */
public final class PageAssets {

    /** Where the files are served from: a route of their own, outside the authorizer. */
    public static final String PATH = "/dashboard-assets/";

    /** One file under its versioned name. */
    public record Asset(String versionedName, String mediaType, byte[] content) {}

    private final Map<String, Asset> assets;
    private final String page;
    private final String pageDigest;

    private PageAssets(Map<String, Asset> assets, String page) {
        this.assets = Map.copyOf(assets);
        this.page = page;
        this.pageDigest = digest(page.getBytes(StandardCharsets.UTF_8));
    }

    /** The bundled page with ECharts (unpacked from its WebJar by the build) and the page's script. */
    public static PageAssets bundled() {
        Map<String, Asset> byPlaceholder = Map.of(
                "{{echarts.js}}", asset("echarts", "dashboard/echarts/echarts.min.js", "text/javascript"),
                "{{dashboard.js}}", asset("dashboard", "dashboard/dashboard.js", "text/javascript"));
        String page = new String(read("dashboard/index.html"), StandardCharsets.UTF_8);
        for (Map.Entry<String, Asset> entry : byPlaceholder.entrySet()) {
            if (!page.contains(entry.getKey())) {
                throw new IllegalArgumentException("dashboard/index.html does not load " + entry.getKey());
            }
            page = page.replace(entry.getKey(), PATH + entry.getValue().versionedName());
        }
        return new PageAssets(
                byPlaceholder.values().stream().collect(Collectors.toMap(Asset::versionedName, Function.identity())),
                page);
    }

    public String page() {
        return page;
    }

    /** A digest of the page, its entity tag. */
    public String pageDigest() {
        return pageDigest;
    }

    public Optional<Asset> asset(String versionedName) {
        return Optional.ofNullable(assets.get(versionedName));
    }

    public Stream<String> versionedNames() {
        return assets.keySet().stream().sorted();
    }

    private static Asset asset(String name, String resource, String mediaType) {
        byte[] content = read(resource);
        return new Asset(name + "." + digest(content).substring(0, 16) + ".js", mediaType, content);
    }

    private static byte[] read(String resource) {
        try (InputStream input = PageAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new MissingResourceException(
                        resource + " is missing from the dashboard's jar", PageAssets.class.getName(), resource);
            }
            return input.readAllBytes();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException(exception);
        }
    }
}
