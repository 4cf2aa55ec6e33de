package dev.nn.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs cannot rot silently: every relative link in the READMEs and docs/*.md must reach a file (and its
 * heading, for #anchors); a link whose text names {@code Class#method} must reach a source that still declares
 * that method, whose file links back to the section it appears in; and every {@code docs/MATH.md#anchor} named in
 * the sources must be a heading of MATH.md.
 */
class DocsLinksTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$", Pattern.MULTILINE);
    static final Pattern METHOD = Pattern.compile("`?(\\w+)#(\\w+)`?");
    static final Pattern MATH_ANCHOR = Pattern.compile("docs/MATH\\.md#([a-z0-9-]+)");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("nn-simd/README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher m = HEADING.matcher(Files.readString(markdown));
        while (m.find()) {
            anchors.add(anchor(m.group(1)));
        }
        return anchors;
    }

    @Test
    void everyRelativeLinkReachesItsTarget() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(2);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: not checked offline
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                String where = ROOT.relativize(doc) + ": [" + link.group(1) + "](" + target + ")";
                if (!Files.exists(resolved)) {
                    broken.add(where + ": no such file");
                    continue;
                }
                if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
                    broken.add(where + ": no such heading");
                }
                Matcher method = METHOD.matcher(link.group(1));
                if (method.matches() && resolved.toString().endsWith(".java")) {
                    String source = Files.readString(resolved);
                    if (!Pattern.compile("\\b" + method.group(2) + "\\s*\\(").matcher(source).find()) {
                        broken.add(where + ": " + method.group(1) + " has no method " + method.group(2));
                    }
                    if (doc.endsWith("MATH.md")) {
                        String section = sectionAt(text, link.start());
                        if (!source.contains("docs/MATH.md#" + section)) {
                            broken.add(where + ": the source does not link back to docs/MATH.md#" + section);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 40, "found only " + checked + " links; is the link pattern right?");
        assertEquals(List.of(), broken);
    }

    @Test
    void everyMathAnchorNamedInTheSourcesExists() throws IOException {
        Set<String> headings = anchors(ROOT.resolve("docs/MATH.md"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(ROOT)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .toList()) {
                Matcher m = MATH_ANCHOR.matcher(Files.readString(source));
                while (m.find()) {
                    if (!headings.contains(m.group(1))) {
                        missing.add(ROOT.relativize(source) + ": docs/MATH.md#" + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static String sectionAt(String text, int position) {
        Matcher m = HEADING.matcher(text);
        String section = "";
        while (m.find() && m.start() < position) {
            section = anchor(m.group(1));
        }
        return section;
    }
}
