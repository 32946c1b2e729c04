package dev.osprey.composer.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void masksPasswordsInPostgresAndH2LocationsAndUserInfo() {
        assertEquals("storage: jdbc:postgresql://db:5432/hpo?user=u&password=***&ssl=true",
                Secrets.mask("storage: jdbc:postgresql://db:5432/hpo?user=u&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:tcp://h/studies;USER=u;PASSWORD=***;LOCK_TIMEOUT=5",
                Secrets.mask("jdbc:h2:tcp://h/studies;USER=u;PASSWORD=s3cret;LOCK_TIMEOUT=5"));
        assertEquals("- osprey.sweeper.storage='jdbc:postgresql://h/db?password=***'",
                Secrets.mask("- osprey.sweeper.storage='jdbc:postgresql://h/db?password=s3cret'"));
        assertEquals("jdbc:postgresql://u:***@h/db", Secrets.mask("jdbc:postgresql://u:s3cret@h/db"));
    }

    @Test
    void leavesTextWithoutPasswordsAsItIs() {
        String text = "storage: jdbc:postgresql://db:5432/hpo?user=u\noptimizer:\n  lr: 0.01\n";
        assertEquals(text, Secrets.mask(text));
        assertFalse(Secrets.holdsPassword(text));
        assertTrue(Secrets.holdsPassword("x;password=y"));
    }
}
