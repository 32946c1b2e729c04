package dev.osprey.composer.compose;

/** One entry of a Defaults List, as written in its config (paths not yet resolved). */
sealed interface DefaultsEntry {

    /** {@code _self_}: where the config's own content is merged. */
    record SelfEntry() implements DefaultsEntry {
    }

    /**
     * {@code - server/apache} or {@code - server/apache@pkg}: a config outside group selection.
     *
     * @param path        as written ({@code /x/y} is absolute)
     * @param packageName the package after {@code @}, or {@code null}
     */
    record ConfigEntry(String path, String packageName, boolean optional) implements DefaultsEntry {
    }

    /**
     * {@code - [optional|override] group@pkg: option}, or a {@code +group=option} of the command line
     * ({@code externalAppend}, whose group and package are absolute).
     *
     * @param group       as written ({@code /x} is absolute)
     * @param packageName the package after {@code @}, or {@code null}
     */
    record GroupEntry(String group, String packageName, Choice choice, boolean optional, boolean override,
                      boolean externalAppend) implements DefaultsEntry {

        GroupEntry withChoice(Choice newChoice) {
            return new GroupEntry(group, packageName, newChoice, optional, override, externalAppend);
        }

        /** The key as written in its config: {@code group} or {@code group@pkg}. */
        String writtenKey() {
            return packageName == null ? group : group + "@" + packageName;
        }
    }
}
