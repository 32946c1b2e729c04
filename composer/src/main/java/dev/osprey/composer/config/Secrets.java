package dev.osprey.composer.config;

import java.util.regex.Pattern;

/**
 * Masks passwords in text that is shown or written: snapshots of a job's configuration, the
 * {@code --cfg} views and error messages. A password travels inside a storage location, as
 * {@code password=VALUE} (PostgreSQL's {@code ?password=}, H2's {@code ;PASSWORD=}, any key that
 * ends in {@code password}) or as {@code //user:VALUE@host}; each VALUE becomes {@value #MASK}.
 * The value ends at {@code ;}, {@code &}, white space, a quote or a comma, the characters that end
 * a URL parameter or the YAML or list text around it.
 */
public final class Secrets {

    /** What a masked password reads as. */
    public static final String MASK = "***";

    private static final Pattern KEYED = Pattern.compile("(?i)([a-z_]*password\\s*=)[^;&\\s'\",\\]}]+");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]+@");

    private Secrets() {
    }

    /** {@code text} with every password in it replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String keyed = KEYED.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO.matcher(keyed).replaceAll("$1" + MASK + "@");
    }

    /** Whether {@code text} holds a password that {@link #mask} would hide. */
    public static boolean holdsPassword(String text) {
        return text != null && !mask(text).equals(text);
    }
}
