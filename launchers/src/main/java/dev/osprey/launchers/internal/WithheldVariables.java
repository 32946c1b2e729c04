package dev.osprey.launchers.internal;

import dev.osprey.composer.config.Secrets;

import java.util.List;
import java.util.Map;

/**
 * The environment variables a job never inherits from the process that launches it: the study
 * database's password, and its location when the location carries one. A job's program is the
 * user's code, or code the user ran without reading; it does not need the study database (the
 * sweep tells the study what the job returns), so it does not get the key to it either.
 */
public final class WithheldVariables {

    /** Variables that are nothing but a password: Osprey's own and libpq's. */
    public static final List<String> PASSWORDS = List.of("OSPREY_STORAGE_PASSWORD", "PGPASSWORD");
    /** The default storage location, withheld when it has a password in it. */
    static final String LOCATION = "OSPREY_STORAGE";

    private WithheldVariables() {
    }

    /** Removes the withheld variables from {@code environment}, a child process's environment to be. */
    public static void removeFrom(Map<String, String> environment) {
        PASSWORDS.forEach(environment::remove);
        if (Secrets.holdsPassword(environment.get(LOCATION))) {
            environment.remove(LOCATION);
        }
    }
}
