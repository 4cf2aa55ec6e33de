package dev.nn.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, from the jar's resources: a fixed table of paths to files, so no request path is ever
 * turned into a file name (no traversal is possible) and nothing else can be served.
 */
final class StaticFiles {

    /** A file and its content type. */
    record File(byte[] bytes, String contentType) {
    }

    private static final Map<String, String> PATHS = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/train.js", "train.js",
            "/train-views.js", "train-views.js",
            "/style.css", "style.css");

    private StaticFiles() {
    }

    /** The file for {@code path}, or null when there is none. */
    static File find(String path) {
        String name = PATHS.get(path);
        if (name == null) {
            return null;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the page's " + name + " is missing from the jar");
            }
            return new File(in.readAllBytes(), contentType(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "text/css; charset=utf-8";
    }
}
