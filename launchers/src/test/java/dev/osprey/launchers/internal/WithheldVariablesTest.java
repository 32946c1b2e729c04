package dev.osprey.launchers.internal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WithheldVariablesTest {

    @Test
    void passwordsAndALocationWithAPasswordAreRemoved() {
        Map<String, String> env = new HashMap<>(Map.of("OSPREY_STORAGE_PASSWORD", "s3cret", "PGPASSWORD", "s3cret",
                "OSPREY_STORAGE", "jdbc:postgresql://h/db?password=s3cret", "OSPREY_STORAGE_USER", "u", "PATH", "/bin"));

        WithheldVariables.removeFrom(env);

        assertEquals(Map.of("OSPREY_STORAGE_USER", "u", "PATH", "/bin"), env);
    }

    @Test
    void aLocationWithoutAPasswordIsKept() {
        Map<String, String> env = new HashMap<>(Map.of("OSPREY_STORAGE", "jdbc:postgresql://h/db"));

        WithheldVariables.removeFrom(env);

        assertEquals(Map.of("OSPREY_STORAGE", "jdbc:postgresql://h/db"), env);
    }
}
