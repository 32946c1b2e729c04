package dev.osprey.composer.compose;

/**
 * Paths and packages. A config path is {@code group/name}; its default package is the group path
 * with {@code /} turned into {@code .}. Packages in a Defaults List are relative to the package of
 * the including config, and {@code _global_} anywhere makes what follows it absolute; a
 * {@code # @package} header is always absolute.
 */
final class Packages {

    static final String GLOBAL = "_global_";
    static final String HERE = "_here_";
    static final String GROUP = "_group_";

    private Packages() {
    }

    static String dotted(String groupPath) {
        return groupPath.replace('/', '.');
    }

    /** The directory part of a path ({@code ""} at the root). */
    static String parentDir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** A path of a Defaults List entry made absolute: {@code /x} is absolute, {@code x} is under {@code dir}. */
    static String resolve(String dir, String path) {
        if (path.startsWith("/")) {
            return path.substring(1);
        }
        return dir.isEmpty() ? path : dir + "/" + path;
    }

    /**
     * The package of an entry: its explicit package, or else the group path as written, relative to
     * the including config's package. {@code _here_} is the including package, {@code _group_} the
     * group path as written.
     */
    static String relative(String parentPackage, String explicitPackage, String relativeGroup) {
        String own = explicitPackage == null ? dotted(relativeGroup) : expandKeywords(explicitPackage, relativeGroup);
        String joined;
        if (parentPackage.isEmpty()) {
            joined = own;
        } else if (own.isEmpty()) {
            joined = parentPackage;
        } else {
            joined = parentPackage + "." + own;
        }
        return absolute(joined);
    }

    /** A {@code # @package} header as an absolute package; {@code _group_} is the config's absolute group. */
    static String header(String header, String absoluteGroup) {
        String expanded = header.replace(GROUP, dotted(absoluteGroup));
        if (expanded.equals(GLOBAL) || expanded.startsWith(GLOBAL + ".")) {
            return absolute(expanded);
        }
        return expanded;
    }

    private static String expandKeywords(String pkg, String relativeGroup) {
        String out = pkg.replace(GROUP, dotted(relativeGroup));
        if (out.equals(HERE)) {
            return "";
        }
        if (out.startsWith(HERE + ".")) {
            return out.substring(HERE.length() + 1);
        }
        return out;
    }

    /** What follows the last {@code _global_}, if any. */
    private static String absolute(String pkg) {
        int at = pkg.lastIndexOf(GLOBAL);
        if (at < 0) {
            return pkg;
        }
        int from = at + GLOBAL.length() + 1;
        return from >= pkg.length() ? "" : pkg.substring(from);
    }

    /**
     * The key by which overrides address a Group Default: its absolute group path, plus
     * {@code @package} when the package is neither the group's default package nor global.
     */
    static String overrideKey(String absoluteGroup, String packageWithoutHeader) {
        if (packageWithoutHeader.isEmpty() || packageWithoutHeader.equals(dotted(absoluteGroup))) {
            return absoluteGroup;
        }
        return absoluteGroup + "@" + packageWithoutHeader;
    }
}
