package dev.nn.core.io;

/**
 * Text from a file or a request, made safe to echo in a one-line message: control characters (a newline, an
 * escape that would move a terminal's cursor) are shown as {@code \\uXXXX}, and long text is cut.
 */
public final class Untrusted {

    /** Characters of untrusted text shown at most. */
    public static final int MAX_SHOWN = 60;

    private Untrusted() {
    }

    /** {@code text} with its control characters escaped and cut to {@link #MAX_SHOWN} characters. */
    public static String shown(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > MAX_SHOWN ? out + "…" : out.toString();
    }
}
