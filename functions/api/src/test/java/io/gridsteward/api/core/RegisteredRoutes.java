package io.gridsteward.api.core;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The routes the API's resource classes declare, {@code METHOD /path}, read from the compiled classes: an authorization
 * matrix that holds every one of them cannot miss a route added later, in a class of its own or not.
 */
public final class RegisteredRoutes {

    private static final String API_PACKAGE = "io.gridsteward.api";

    private RegisteredRoutes() {}

    /** Every route of the API, in every context's package. */
    public static Set<String> ofTheApi() {
        return inPackage(API_PACKAGE);
    }

    /** The routes of one context: every {@code @Path} class in the package of {@code member} and below. */
    public static Set<String> ofThePackageOf(Class<?> member) {
        return inPackage(member.getPackageName());
    }

    private static Set<String> inPackage(String packageName) {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : classesIn(packageName)) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(verb + " " + root.value() + (sub == null ? "" : sub.value()));
                });
            }
        }
        return routes;
    }

    private static List<Class<?>> classesIn(String packageName) {
        try {
            java.nio.file.Path apiRoot = java.nio.file.Path.of(Dependencies.class
                            .getResource(Dependencies.class.getSimpleName() + ".class")
                            .toURI())
                    .getParent()
                    .getParent();
            java.nio.file.Path directory = apiRoot;
            for (String segment : packageName.substring(API_PACKAGE.length()).split("\\.")) {
                if (!segment.isEmpty()) {
                    directory = directory.resolve(segment);
                }
            }
            try (Stream<java.nio.file.Path> files = Files.walk(directory)) {
                return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                        .map(file -> {
                            String relative = apiRoot.relativize(file).toString();
                            return API_PACKAGE + "."
                                    + relative.substring(0, relative.length() - ".class".length())
                                            .replace(File.separatorChar, '.');
                        })
                        .<Class<?>>map(RegisteredRoutes::load)
                        .toList();
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (URISyntaxException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Dependencies.class.getClassLoader());
        } catch (ClassNotFoundException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private static Optional<String> httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return Optional.of("GET");
        }
        if (method.isAnnotationPresent(POST.class)) {
            return Optional.of("POST");
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return Optional.of("PUT");
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return Optional.of("DELETE");
        }
        return method.isAnnotationPresent(PATCH.class) ? Optional.of("PATCH") : Optional.empty();
    }
}
