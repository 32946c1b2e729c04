package dev.osprey.composer.multirun;

import dev.osprey.composer.ComposerException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicSweeperTest {

    @Test
    void globExpandsOverTheGroupOptions() {
        BasicSweeper sweeper = BasicSweeper.create()
                .withGroupOptions(group -> group.equals("schema") ? List.of("warehouse", "support", "school") : List.of());
        assertEquals(List.of(List.of(List.of("schema=school"), List.of("schema=warehouse"))),
                sweeper.batchesOf(List.of("schema=glob(*,exclude=support)")));
        assertEquals(List.of(List.of(List.of("schema=school"), List.of("schema=support"))),
                sweeper.batchesOf(List.of("schema=glob(s*)")));
        ComposerException e = assertThrows(ComposerException.class,
                () -> BasicSweeper.create().batchesOf(List.of("schema=glob(*)")));
        assertTrue(e.getMessage().contains("withGroupOptions"), e.getMessage());
    }

    @Test
    void bareDeletesAndListExtensionsKeepTheirMeaning() {
        assertEquals(List.of(List.of(List.of("~a", "b=extend_list(1,x\\ y)"))),
                BasicSweeper.create().batchesOf(List.of("~a", "b=extend_list(1, 'x y')")));
    }

    @Test
    void shuffledSweepsAreReproducibleWithAGivenGenerator() {
        List<String> overrides = List.of("a=shuffle(range(10))", "b=shuffle(x,y,z)");
        BasicSweeper seeded = BasicSweeper.create().withRandom(new SplittableRandom(11));
        List<List<List<String>>> first = seeded.batchesOf(overrides);
        assertEquals(first, BasicSweeper.create().withRandom(new SplittableRandom(11)).batchesOf(overrides));
        assertEquals(30, first.getFirst().size());
    }

    @Test
    void batchSizeZeroMeansOneBatchAndNegativeIsRejected() {
        assertEquals(1, BasicSweeper.create().withMaxBatchSize(0).batchesOf(List.of("a=1,2,3")).size());
        assertThrows(IllegalArgumentException.class, () -> BasicSweeper.create().withMaxBatchSize(-1));
    }
}
